// Says on the page why figures leave scorecards out: the viewer sits on a panel they have not submitted for,
// and independence keeps the other panelists' scorecards (and everything computed from them) hidden.
type Props = { withheld: { scorecards: number; reason: string | null } | undefined; testId?: string };

export function WithheldNote({ withheld, testId = "withheld-note" }: Props) {
  if (!withheld || withheld.scorecards === 0 || !withheld.reason) return null;
  const count = `${withheld.scorecards} submitted scorecard${withheld.scorecards === 1 ? " is" : "s are"} left out of these figures.`;
  return (
    <p role="note" data-testid={testId} className="rounded-lg border-2 border-sky-600 bg-sky-50 p-3 text-sm text-sky-950">
      <strong className="font-semibold">{count}</strong> {withheld.reason}
    </p>
  );
}
