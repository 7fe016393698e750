"use client";
// The groups the identity provider pushed, each with the Panelkit role its members get (the most privileged
// among a person's groups wins; a group without a role grants none).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import type { Role } from "@/lib/schemas/common";
import type { ScimGroupListed } from "@/lib/schemas/scim";
import { useTRPC } from "@/trpc/react";
import { ROLES } from "../members/roles";

export function ScimGroupRoles({ groups, onChanged }: { groups: ScimGroupListed[]; onChanged: () => void }) {
  const trpc = useTRPC();
  const t = useTranslations("scim");
  const common = useTranslations("common");
  const setRole = useMutation(trpc.scim.setGroupRole.mutationOptions({ onSettled: onChanged }));
  if (groups.length === 0) {
    return <p className="mt-2 text-sm text-slate-700">{t("noGroups")}</p>;
  }
  return (
    <>
      <ul className="mt-2 divide-y divide-slate-200" aria-label={t("groupsLabel")}>
        {groups.map((group) => (
          <li key={group.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <span className="min-w-0 break-words">
              <span className="font-medium">{group.displayName}</span> · {t("members", { count: group.members })}
            </span>
            <select
              aria-label={t("roleFor", { group: group.displayName })}
              className="field-input min-h-9 w-auto py-1"
              value={group.role ?? ""}
              disabled={setRole.isPending}
              onChange={(e) => setRole.mutate({ groupId: group.id, role: (e.target.value || null) as Role | null })}
            >
              <option value="">{t("noRole")}</option>
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {common(`roles.${r.value}`)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <ErrorAlert error={setRole.error} variant="boxed" className="mt-2" />
    </>
  );
}
