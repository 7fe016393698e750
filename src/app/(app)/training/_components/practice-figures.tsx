// A finished practice session's figures with their plain-language readings: distance from the reference, lean
// (lenient or severe), separation of weak from strong answers, and the competencies furthest off.
import type { PracticeFigures as Figures } from "@/lib/schemas/training";
import { biasReading, distanceReading, furthestOffReading, separationReading, signed } from "@/lib/training/practice-readings";

export function PracticeFigures({ figures, maxMeanAbsDiff, mine }: { figures: Figures; maxMeanAbsDiff: number; mine: boolean }) {
  const within = figures.meanAbsDiff <= maxMeanAbsDiff;
  return (
    <section className="card mt-4" aria-labelledby="practice-figures-heading" data-testid="practice-figures">
      <h2 id="practice-figures-heading" className="text-lg font-semibold">
        {mine ? "How your ratings compare with the reference" : "How these ratings compare with the reference"}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{figures.n} ratings compared with the reference ratings.</p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        <div className="rounded-md border border-slate-200 p-3" data-testid="figure-mad">
          <dt className="text-sm text-slate-700">Mean absolute difference</dt>
          <dd className="text-2xl font-semibold">{figures.meanAbsDiff.toFixed(2)}</dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3" data-testid="figure-bias">
          <dt className="text-sm text-slate-700">Bias (+ lenient, − severe)</dt>
          <dd className="text-2xl font-semibold">{signed(figures.bias)}</dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3" data-testid="figure-separation">
          <dt className="text-sm text-slate-700">Separation (correlation with the reference)</dt>
          <dd className="text-2xl font-semibold">{figures.separation === null ? "—" : figures.separation.toFixed(2)}</dd>
        </div>
      </dl>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" data-testid="practice-readings">
        <li>{distanceReading(figures.meanAbsDiff)}</li>
        <li>{biasReading(figures.bias)}</li>
        <li>{separationReading(figures.separation, figures.separationNote)}</li>
        <li>{furthestOffReading(figures.furthestOff)}</li>
        <li>
          {within
            ? `At or under your organisation's readiness threshold (a mean difference of ${maxMeanAbsDiff.toFixed(2)}).`
            : `Above your organisation's readiness threshold (a mean difference of ${maxMeanAbsDiff.toFixed(2)}): practise again after reading the anchors.`}
        </li>
      </ul>
    </section>
  );
}
