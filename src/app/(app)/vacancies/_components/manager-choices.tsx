"use client";
// Checkboxes for a vacancy's managers: the organisation's hiring managers and admins. A hiring manager who
// creates a vacancy manages it whatever they tick (said here); an admin chooses.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FieldError, type FieldProblem } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

type Props = {
  idPrefix: string;
  name: string;
  problem: FieldProblem | null;
  /** Ticked at first (the vacancy's managers when editing). */
  selected?: string[];
  /** Creating as a hiring manager: they will manage the vacancy (their box ticked and fixed). */
  creatorId?: string;
};

export function ManagerChoices({ idPrefix, name, problem, selected = [], creatorId }: Props) {
  const t = useTranslations("vacancies.managers");
  const trpc = useTRPC();
  const members = useQuery(trpc.org.members.queryOptions());
  const choices = (members.data ?? []).filter((m) => m.role === "HIRING_MANAGER" || m.role === "ADMIN");
  const hintId = `${idPrefix}-${name}-hint`;
  const errorId = `${idPrefix}-${name}-error`;
  return (
    <fieldset aria-describedby={`${hintId} ${errorId}`}>
      <legend className="field-label">{t("legend")}</legend>
      <p id={hintId} className="mb-1 text-sm text-slate-700">
        {creatorId ? t("creatorHint") : t("adminHint")}
      </p>
      {members.isPending && <p className="text-sm text-slate-700">{t("loading")}</p>}
      <ul className="max-h-48 space-y-1 overflow-y-auto">
        {choices.map((m) => (
          <li key={m.userId}>
            <label className="flex min-h-11 items-center gap-2">
              {m.userId === creatorId ? (
                // Fixed: the server makes the hiring manager who creates a vacancy one of its managers.
                <input type="checkbox" checked disabled readOnly className="h-5 w-5" />
              ) : (
                <input type="checkbox" name={name} value={m.userId} defaultChecked={selected.includes(m.userId)} className="h-5 w-5" />
              )}
              <span>
                {m.name} <span className="text-sm text-slate-600">({m.userId === creatorId ? t("you") : m.role === "ADMIN" ? t("admin") : t("hiringManager")})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} problem={problem} field={name} />
    </fieldset>
  );
}
