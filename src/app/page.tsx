import { redirect } from "next/navigation";
import { sessionUserId } from "@/server/api/context";

export const dynamic = "force-dynamic";

export default async function Home() {
  redirect((await sessionUserId()) ? "/banks" : "/signin");
}
