"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { FieldError, fieldErrorFrom } from "@/components/field-error";

const ROLES = [
  { value: "ADMIN", label: "Admin" },
  { value: "HIRING_MANAGER", label: "Hiring manager" },
  { value: "INTERVIEWER", label: "Interviewer" },
  { value: "HR", label: "HR" },
] as const;
type RoleValue = (typeof ROLES)[number]["value"];
const roleLabel = (role: string) => ROLES.find((r) => r.value === role)?.label ?? role;

export function MembersManager({ canManage, currentUserId }: { canManage: boolean; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.org.members.queryOptions());
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.org.members.queryKey() });
  const setRole = useMutation(trpc.org.setMemberRole.mutationOptions({ onSettled: invalidate }));
  const addMember = useMutation(trpc.org.addMember.mutationOptions({ onSuccess: invalidate }));
  const [added, setAdded] = useState<string | null>(null);
  const addProblem = fieldErrorFrom(addMember.error);

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const initialPassword = String(form.get("initialPassword") ?? "");
    setAdded(null);
    try {
      await addMember.mutateAsync({
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role")) as RoleValue,
        initialPassword: initialPassword || undefined,
      });
      setAdded(String(form.get("email")));
      formElement.reset();
    } catch {
      // shown from addMember.error
    }
  }

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
        <section aria-labelledby="add-member-heading" className="card">
          <h2 id="add-member-heading" className="text-lg font-semibold">Add a member</h2>
          <form onSubmit={onAdd} className="mt-3 space-y-3" noValidate>
            <div>
              <label htmlFor="member-name" className="field-label">Name</label>
              <input id="member-name" name="name" required className="field-input" aria-describedby="member-name-error" />
              <FieldError id="member-name-error" problem={addProblem} field="name" />
            </div>
            <div>
              <label htmlFor="member-email" className="field-label">Email</label>
              <input id="member-email" name="email" type="email" required className="field-input" aria-describedby="member-email-error" />
              <FieldError id="member-email-error" problem={addProblem} field="email" />
            </div>
            <div>
              <label htmlFor="member-role" className="field-label">Role</label>
              <select id="member-role" name="role" className="field-input" defaultValue="INTERVIEWER">
                {ROLES.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="member-password" className="field-label">Initial password</label>
              <input
                id="member-password"
                name="initialPassword"
                type="password"
                autoComplete="new-password"
                maxLength={128}
                className="field-input"
                aria-describedby="member-password-hint member-password-error"
              />
              <p id="member-password-hint" className="mt-1 text-sm text-slate-600">
                For people without a Panelkit account: 10+ characters, hard to guess (a few unrelated words work well). Hand it
                over privately.
              </p>
              <FieldError id="member-password-error" problem={addProblem} field="initialPassword" />
            </div>
            {addProblem && !addProblem.field && <p role="alert" className="text-sm text-red-800">{addProblem.message}</p>}
            {added && <p role="status" className="text-sm text-green-800">Added {added}.</p>}
            <button type="submit" className="btn-primary w-full" disabled={addMember.isPending}>
              {addMember.isPending ? "Adding…" : "Add member"}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
