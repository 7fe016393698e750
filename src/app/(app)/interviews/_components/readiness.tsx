// Readiness on the panel manager and the schedule form: what the script requires, each member's readiness in
// the reader's language, and the warning when an unready panelist was added anyway (the organisation warns
// rather than refuses).
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { MemberReadiness, PanelReadiness, UnreadyWarning } from "@/lib/schemas/readiness";
import { readinessWords } from "@/lib/training/readiness-words";

type Worded = Pick<MemberReadiness, "text" | "facts"> & { status?: MemberReadiness["status"] };

/** A member's readiness as words: from its status and facts (the server's English `text` when it has none). */
export function useReadinessWords() {
  const say = useTranslations("interviews.readiness.status");
  const format = useFormatter();
  const points = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  return (r: Worded) => (r.status && r.facts ? readinessWords(r.status, r.facts, say, points) : r.text);
}

/** One line on the script's requirement; nothing when the script requires no practice. */
export function ReadinessNote({ readiness: r }: { readiness: PanelReadiness }) {
  const t = useTranslations("interviews.readiness");
  const format = useFormatter();
  if (!r.practiceRequired) return null;
  return (
    <p className="text-sm text-slate-700" data-testid="readiness-note">
      {t("note", { script: r.scriptTitle, months: r.practiceMonths, points: format.number(r.practiceMaxMad, { maximumFractionDigits: 2 }) })}{" "}
      {r.practiceUnreadyMode === "REFUSE" ? t("refuse") : t("warn")}
    </p>
  );
}

/** After a change: who was added though not ready. */
export function UnreadyWarnings({ warnings, scriptTitle }: { warnings: readonly UnreadyWarning[]; scriptTitle: string }) {
  const t = useTranslations("interviews.readiness");
  const words = useReadinessWords();
  if (warnings.length === 0) return null;
  const who = warnings
    .map((w) => {
      const text = words(w);
      return `${w.name} (${text.charAt(0).toLowerCase()}${text.slice(1)})`;
    })
    .join("; ");
  return <Alert tone="warning">{t("unready", { script: scriptTitle, who })}</Alert>;
}
