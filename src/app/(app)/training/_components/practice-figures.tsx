// A finished practice session's figures with their plain-language readings: distance from the reference, lean
// (lenient or severe), separation of weak from strong answers, and the competencies furthest off. The
// readings are practice-readings.ts's, in the reader's language (against the reference only).
import { useTranslations } from "next-intl";
import type { PracticeFigures as Figures } from "@/lib/schemas/training";
import { MIN_PAIRS_FOR_SEPARATION } from "@/lib/training/practice-accuracy";
import { leanOf } from "@/lib/training/practice-readings";
import { useFigures } from "./use-figures";

type Translate = ReturnType<typeof useTranslations>;

function readings(t: Translate, two: (value: number) => string, signed: (value: number) => string, figures: Figures): string[] {
  const levels = (value: number) => t("readings.levels", { value: two(value) });
  const mad = figures.meanAbsDiff;
  const size = mad <= 0.25 ? "veryClose" : mad <= 0.5 ? "close" : mad <= 1 ? "often" : "usually";
  const distance = `${t(`readings.${size}`)} ${t("readings.average", { levels: levels(mad) })}`;
  const lean = leanOf(figures.bias);
  const bias =
    lean === "even"
      ? t("readings.even", { signed: signed(figures.bias) })
      : t(`readings.${lean}`, { levels: levels(Math.abs(figures.bias)) });
  const s = figures.separation;
  const r = s === null ? "" : two(s);
  const separation =
    s === null
      ? separationNote(t, figures)
      : t(s >= 0.8 ? "readings.separatesWell" : s >= 0.5 ? "readings.separatesPartly" : s > 0 ? "readings.separatesLittle" : "readings.separatesNot", { r });
  const parts = figures.furthestOff.map((c) =>
    t("readings.furthestPart", { name: c.name, levels: levels(c.meanAbsoluteDifference), n: c.n, lean: leanOf(c.bias) }),
  );
  const furthest = parts.length === 0 ? t("readings.allMatched") : t("readings.furthest", { parts: parts.join("; ") });
  return [distance, bias, separation, furthest];
}

/** Why a session shows no separation figure, in the reader's language (English note for an unknown reason). */
function separationNote(t: Translate, figures: Figures): string {
  const value = figures.separationValue ?? 0;
  switch (figures.separationReason) {
    case "too-few-pairs":
      return t("readings.tooFewPairs", { min: MIN_PAIRS_FOR_SEPARATION, n: value });
    case "reference-no-variance":
      return t("readings.referenceSame", { level: value });
    case "rater-no-variance":
      return t("readings.raterSame", { level: value });
    default:
      return figures.separationNote ?? t("readings.tooFew");
  }
}

export function PracticeFigures({ figures, maxMeanAbsDiff, mine }: { figures: Figures; maxMeanAbsDiff: number; mine: boolean }) {
  const t = useTranslations("training");
  const { two, figure, signed } = useFigures();
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
        {readings(t, two, signed, figures).map((reading, i) => (
          <li key={i}>{reading}</li>
        ))}
        <li>{within ? t("figures.within", { max: two(maxMeanAbsDiff) }) : t("figures.above", { max: two(maxMeanAbsDiff) })}</li>
      </ul>
    </section>
  );
}
