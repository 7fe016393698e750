// Readiness on the panel manager and the schedule form: what the script requires, and the warning when an
// unready panelist was added anyway (the organisation warns rather than refuses).
import { Alert } from "@/components/ui/alert";
import type { PanelReadiness, UnreadyWarning } from "@/lib/schemas/readiness";

const points = (value: number) => String(Math.round(value * 100) / 100);

/** One line on the script's requirement; nothing when the script requires no practice. */
export function ReadinessNote({ readiness: r }: { readiness: PanelReadiness }) {
  if (!r.practiceRequired) return null;
  const months = r.practiceMonths === 1 ? "the last month" : `the last ${r.practiceMonths} months`;
  return (
    <p className="text-sm text-slate-700" data-testid="readiness-note">
      «{r.scriptTitle}» requires panelists to be ready: a practice session on it in {months}, off by no more than{" "}
      {points(r.practiceMaxMad)} on average.{" "}
      {r.practiceUnreadyMode === "REFUSE" ? "Panelists who are not ready can't be added." : "You can add someone who is not ready, with a warning."}
    </p>
  );
}

/** After a change: who was added though not ready. */
export function UnreadyWarnings({ warnings, scriptTitle }: { warnings: readonly UnreadyWarning[]; scriptTitle: string }) {
  if (warnings.length === 0) return null;
  return (
    <Alert tone="warning">
      Added, though not ready for «{scriptTitle}»: {warnings.map((w) => `${w.name} (${w.text.charAt(0).toLowerCase()}${w.text.slice(1)})`).join("; ")}.
      Suggest they practise under Training before the interview.
    </Alert>
  );
}
