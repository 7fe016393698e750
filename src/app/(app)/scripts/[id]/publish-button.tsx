"use client";
// The builder's publish button: disabled, with the reason beside it, while the draft could not be
// published, instead of an enabled button whose click is then refused.
import { useId } from "react";
import { itemCount, weightTotal, type ScriptDocument } from "@/lib/scripts/script-document";
import type { Translate } from "./builder-types";

/** Why this draft can't be published yet, in the order to fix them; the server checks the same (publish-script.ts). */
export function publishBlockers(doc: Pick<ScriptDocument, "sections" | "targets">, t: Translate): string[] {
  if (itemCount(doc) === 0) return [t("blockers.noQuestions")];
  const reasons: string[] = [];
  let number = 0;
  for (const section of doc.sections) {
    for (const item of section.items) {
      number += 1;
      if (item.competencyIds.length < 1 || item.competencyIds.length > 3) reasons.push(t("blockers.competencies", { number }));
    }
  }
  if (doc.targets.length === 0) reasons.push(t("blockers.noTargets"));
  else if (weightTotal(doc) !== 100) reasons.push(t("blockers.weights", { total: weightTotal(doc) }));
  return reasons;
}

type Props = {
  label: string;
  /** Reasons in words; the first is shown beside the button. */
  reasons: string[];
  /** Disabled for a reason the page already shows elsewhere (published, saving conflict, publishing now). */
  busy: boolean;
  onPublish: () => void;
};

export function PublishButton({ label, reasons, busy, onPublish }: Props) {
  const id = useId();
  const reason = reasons[0];
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-primary"
        disabled={busy || reason !== undefined}
        aria-describedby={reason ? `${id}-reason` : undefined}
        onClick={onPublish}
      >
        {label}
      </button>
      {reason && (
        <span id={`${id}-reason`} className="max-w-60 text-sm text-slate-700">
          {reason}
        </span>
      )}
    </span>
  );
}
