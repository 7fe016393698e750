import type { Metadata } from "next";
import { signedInServerApi } from "@/trpc/server";
import { PageHeader } from "@/components/ui/page-header";
import { MembersManager } from "./members-manager";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  return (
    <>
      <PageHeader
        title={<>Members of {viewer.organization?.name}</>}
        description="Admins add people and set roles. Hiring managers build scripts, interviewers score, HR compares candidates."
      />
      <MembersManager canManage={viewer.organization?.role === "ADMIN"} currentUserId={viewer.user.id} />
    </>
  );
}
