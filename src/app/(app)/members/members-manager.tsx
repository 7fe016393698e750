"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { InviteMemberForm } from "./invite-member-form";
import { PendingInvitations } from "./pending-invitations";
import { ROLES, roleLabel, type RoleValue } from "./roles";

type Member = RouterOutputs["org"]["members"][number];

export function MembersManager({ canManage, currentUserId }: { canManage: boolean; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.org.members.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.org.members.queryKey() });
  const setRole = useMutation(trpc.org.setMemberRole.mutationOptions({ onSettled: invalidate }));
  const columns: Array<ColumnDef<Member>> = [
    {
      id: "name",
      header: "Name",
      cell: ({ row: { original: m } }) => (
        <span className="font-medium">
          {m.name}
          {m.userId === currentUserId ? " (you)" : ""}
        </span>
      ),
    },
    { id: "email", header: "Email", accessorKey: "email" },
    {
      id: "role",
      header: "Role",
      cell: ({ row: { original: m } }) =>
        canManage ? (
          <select
            aria-label={`Role of ${m.name}`}
            className="field-input min-h-9 py-1"
            value={m.role}
            disabled={setRole.isPending}
            onChange={(e) => setRole.mutate({ membershipId: m.membershipId, role: e.target.value as RoleValue })}
          >
            {ROLES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        ) : (
          roleLabel(m.role)
        ),
    },
  ];
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="member-list-heading" className="min-w-0 space-y-3">
        <h2 id="member-list-heading" className="text-lg font-semibold">People</h2>
        {members.isPending && <p>Loading…</p>}
        <ErrorAlert error={members.error} />
        <ErrorAlert error={setRole.error} variant="boxed" />
        <DataTable label="Members" columns={columns} data={members.data ?? []} rowKey={(m) => m.membershipId} />
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
