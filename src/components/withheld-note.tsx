// Says on the page why figures leave scorecards out: the viewer sits on a panel they have not submitted for,
// and independence keeps the other panelists' scorecards (and everything computed from them) hidden.
import { useTranslations } from "next-intl";

type Props = { withheld: { scorecards: number; reason: string | null } | undefined; testId?: string };

export function WithheldNote({ withheld, testId = "withheld-note" }: Props) {
  const t = useTranslations("common.ui.withheld");
  if (!withheld || withheld.scorecards === 0 || !withheld.reason) return null;
  // The server's reason is always the one rule (WITHHELD_UNTIL_OWN_SUBMITTED): said here in the reader's language.
  return (
    <p role="note" data-testid={testId} className="rounded-lg border-2 border-sky-600 bg-sky-50 p-3 text-sm text-sky-950">
      <strong className="font-semibold">{t("count", { count: withheld.scorecards })}</strong> {t("reason")}
    </p>
  );
}
