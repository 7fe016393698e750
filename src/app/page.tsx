import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { landingPath } from "@/lib/landing-path";
import { sessionUserId } from "@/server/api/context";
import { signedInServerApi } from "@/trpc/server";

export const dynamic = "force-dynamic";

/** The start page: sign-in, or the page where the signed-in person's role has its work. */
export default async function Home() {
  if (!(await sessionUserId())) redirect("/signin");
  redirect(landingPath(await viewerRole()));
}

async function viewerRole(): Promise<string | null> {
  const api = await signedInServerApi();
  try {
    return (await api.org.viewer()).organization?.role ?? null;
  } catch (error) {
    // Signed in but in no organisation yet: the app's layout explains that on any page.
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    throw error;
  }
}
