"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { InviteMemberForm } from "./invite-member-form";
import { PendingInvitations } from "./pending-invitations";
import { ROLES, roleLabel, type RoleValue } from "./roles";

export function MembersManager({ canManage, currentUserId }: { canManage: boolean; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.org.members.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.org.members.queryKey() });
  const setRole = useMutation(trpc.org.setMemberRole.mutationOptions({ onSettled: invalidate }));
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[2fr_1fr]">
      <section aria-labelledby="member-list-heading" className="card overflow-x-auto relative">
        <h2 id="member-list-heading" className="text-lg font-semibold">People</h2>
        {members.isPending && <p className="mt-2">Loading…</p>}
        {members.isError && <p role="alert" className="mt-2 text-red-800">{members.error.message}</p>}
        {setRole.error && (
          <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
            {setRole.error.message}
          </p>
        )}
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-3">Name</th>
              <th scope="col" className="py-2 pr-3">Email</th>
              <th scope="col" className="py-2">Role</th>
            </tr>
          </thead>
          <tbody>
            {members.data?.map((m) => (
              <tr key={m.membershipId} className="border-b border-slate-100">
                <td className="py-2 pr-3 font-medium">
                  {m.name}
                  {m.userId === currentUserId ? " (you)" : ""}
                </td>
                <td className="py-2 pr-3">{m.email}</td>
                <td className="py-2">
                  {canManage ? (
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
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
