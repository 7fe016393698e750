"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { InviteMemberForm } from "./invite-member-form";
import { PendingInvitations } from "./pending-invitations";
import { ROLES, type RoleValue } from "./roles";

type Member = RouterOutputs["org"]["members"][number];

export function MembersManager({ canManage, currentUserId }: { canManage: boolean; currentUserId: string }) {
  const t = useTranslations("members");
  const common = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.org.members.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.org.members.queryKey() });
  const setRole = useMutation(trpc.org.setMemberRole.mutationOptions({ onSettled: invalidate }));
  const columns: Array<ColumnDef<Member>> = [
    {
      id: "name",
      header: t("name"),
      cell: ({ row: { original: m } }) => (
        <span className="font-medium">
          {m.name}
          {m.userId === currentUserId ? t("you") : ""}
        </span>
      ),
    },
    { id: "email", header: t("email"), accessorKey: "email" },
    {
      id: "role",
      header: t("role"),
      cell: ({ row: { original: m } }) =>
        canManage ? (
          <select
            aria-label={t("roleOf", { name: m.name })}
            className="field-input min-h-9 py-1"
            value={m.role}
            disabled={setRole.isPending}
            onChange={(e) => setRole.mutate({ membershipId: m.membershipId, role: e.target.value as RoleValue })}
          >
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {common(`roles.${r.value}`)}
              </option>
            ))}
          </select>
        ) : (
          common(`roles.${m.role}`)
        ),
    },
  ];
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="member-list-heading" className="min-w-0 space-y-3">
        <h2 id="member-list-heading" className="text-lg font-semibold">{t("people")}</h2>
        {members.isPending && <p>{t("loading")}</p>}
        <ErrorAlert error={members.error} />
        <ErrorAlert error={setRole.error} variant="boxed" />
        <DataTable label={t("tableLabel")} columns={columns} data={members.data ?? []} rowKey={(m) => m.membershipId} />
      </section>

      {canManage && (
        <div className="space-y-6">
          <InviteMemberForm />
          <PendingInvitations />
        </div>
      )}
    </div>
  );
}
