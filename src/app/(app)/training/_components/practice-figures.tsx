// A finished practice session's figures with their plain-language readings: distance from the reference, lean
// (lenient or severe), separation of weak from strong answers, and the competencies furthest off. The
// readings are practice-readings.ts's, in the reader's language, against the reference (training.readings).
import { useTranslations } from "next-intl";
import type { PracticeFigures as Figures } from "@/lib/schemas/training";
import { furthestReading, practiceReadings } from "@/lib/training/practice-readings";
import { useFigures } from "./use-figures";

export function PracticeFigures({ figures, maxMeanAbsDiff, mine }: { figures: Figures; maxMeanAbsDiff: number; mine: boolean }) {
  const t = useTranslations("training");
  const say = useTranslations("training.readings");
  const { two, figure, signed } = useFigures();
  const { distance, bias, separation } = practiceReadings(figures, say, two);
  const furthest = furthestReading(figures.furthestOff, say, two);
  const within = figures.meanAbsDiff <= maxMeanAbsDiff;
  return (
    <section className="card mt-4" aria-labelledby="practice-figures-heading" data-testid="practice-figures">
      <h2 id="practice-figures-heading" className="text-lg font-semibold">
        {mine ? t("figures.headingMine") : t("figures.headingTheirs")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("figures.compared", { n: figures.n })}</p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-3">
        <div className="rounded-md border border-slate-200 p-3" data-testid="figure-mad">
          <dt className="text-sm text-slate-700">{t("figures.meanAbsDiff")}</dt>
          <dd className="text-2xl font-semibold">{two(figures.meanAbsDiff)}</dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3" data-testid="figure-bias">
          <dt className="text-sm text-slate-700">{t("figures.bias")}</dt>
          <dd className="text-2xl font-semibold">{signed(figures.bias)}</dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3" data-testid="figure-separation">
          <dt className="text-sm text-slate-700">{t("figures.separation")}</dt>
          <dd className="text-2xl font-semibold">{figure(figures.separation)}</dd>
        </div>
      </dl>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm" data-testid="practice-readings">
        {[distance, bias, separation, furthest].map((reading, i) => (
          <li key={i}>{reading}</li>
        ))}
        <li>{within ? t("figures.within", { max: two(maxMeanAbsDiff) }) : t("figures.above", { max: two(maxMeanAbsDiff) })}</li>
      </ul>
    </section>
  );
}
