import type { Metadata } from "next";
import { signedInServerApi } from "@/trpc/server";
import { MembersManager } from "./members-manager";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  return (
    <>
      <h1 className="text-2xl font-semibold">Members of {viewer.organization?.name}</h1>
      <p className="mt-1 text-slate-700">
        Admins add people and set roles. Hiring managers build scripts, interviewers score, HR compares candidates.
      </p>
      <MembersManager canManage={viewer.organization?.role === "ADMIN"} currentUserId={viewer.user.id} />
    </>
  );
}
