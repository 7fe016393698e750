// Readiness on the panel manager and the schedule form: what the script requires, and the warning when an
// unready panelist was added anyway (the organisation warns rather than refuses).
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { PanelReadiness, UnreadyWarning } from "@/lib/schemas/readiness";

const points = (value: number) => String(Math.round(value * 100) / 100);

/** One line on the script's requirement; nothing when the script requires no practice. */
export function ReadinessNote({ readiness: r }: { readiness: PanelReadiness }) {
  const t = useTranslations("interviews.readiness");
  if (!r.practiceRequired) return null;
  return (
    <p className="text-sm text-slate-700" data-testid="readiness-note">
      {t("note", { script: r.scriptTitle, months: r.practiceMonths, points: points(r.practiceMaxMad) })}{" "}
      {r.practiceUnreadyMode === "REFUSE" ? t("refuse") : t("warn")}
    </p>
  );
}

/** After a change: who was added though not ready. */
export function UnreadyWarnings({ warnings, scriptTitle }: { warnings: readonly UnreadyWarning[]; scriptTitle: string }) {
  const t = useTranslations("interviews.readiness");
  if (warnings.length === 0) return null;
  const who = warnings.map((w) => `${w.name} (${w.text.charAt(0).toLowerCase()}${w.text.slice(1)})`).join("; ");
  return <Alert tone="warning">{t("unready", { script: scriptTitle, who })}</Alert>;
}
