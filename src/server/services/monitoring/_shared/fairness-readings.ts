// Plain-language readings of the fairness report's flags: what the figure means, what it does not prove, and
// where to look next. Kept apart from the arithmetic so the words can be read (and reviewed) in one place.
import type { FairnessFlag } from "@/lib/schemas/fairness-report";

const percent = (x: number) => `${Math.round(x * 100)}%`;
const two = (x: number) => x.toFixed(2);

export function fourFifthsReading(args: {
  category: string;
  group: string;
  stage: string;
  rate: number;
  highestGroup: string;
  highestRate: number;
  impactRatio: number;
  fisherP: number | null;
}): FairnessFlag {
  const chance =
    args.fisherP === null
      ? ""
      : args.fisherP < 0.05
        ? ` Fisher's exact test gives p = ${args.fisherP.toFixed(3)}: a gap this size would seldom arise by chance alone if the stage treated everyone alike.`
        : ` Fisher's exact test gives p = ${args.fisherP.toFixed(3)}: with these numbers a gap this size could easily arise by chance.`;
  return {
    kind: "four_fifths",
    category: args.category,
    group: args.group,
    where: args.stage,
    headline: `${args.stage}: ${args.group} selected at ${percent(args.rate)}, ${two(args.impactRatio)} of the highest rate (${args.highestGroup}, ${percent(args.highestRate)})`,
    means: `At "${args.stage}", candidates who answered ${args.group} (${args.category}) were selected at ${two(args.impactRatio)} times the rate of the group selected most often, under the four-fifths rule of thumb the US Uniform Guidelines use to call for a closer look.${chance}`,
    doesNotProve:
      "It does not prove the stage is unfair to this group: the groups may have differed in experience or qualifications before they applied, small numbers swing widely, and candidates who did not answer are left out of the groups. Nor does a missing flag prove the stage is fair.",
    lookAt: `Look at the competencies and questions of "${args.stage}" below for a difference in ratings, and at who sat on its panels and how its debriefs reached their decisions (overrides of the mechanical order especially).`,
  };
}

export function scoreGapReading(args: {
  category: string;
  group: string;
  what: "competency" | "question";
  label: string;
  g: number;
  ciLow: number;
  ciHigh: number;
}): FairnessFlag {
  const direction = args.g < 0 ? "lower" : "higher";
  return {
    kind: "score_gap",
    category: args.category,
    group: args.group,
    where: args.label,
    headline: `${args.what === "competency" ? "Competency" : "Question"} "${args.label}": ${args.group} rated ${direction}, g = ${two(args.g)} (95% CI ${two(args.ciLow)} to ${two(args.ciHigh)})`,
    means: `Panels rated candidates who answered ${args.group} (${args.category}) ${direction} than everyone else on ${args.what === "competency" ? "the competency" : "the question"} "${args.label}": the standardised difference (Hedges' g) is ${two(args.g)}, and its 95% confidence interval leaves out zero. A g of 0.2 is a small difference, 0.5 medium, 0.8 large.`,
    doesNotProve:
      "It does not prove the panels were biased: the groups may truly differ on what was assessed, and with several groups, competencies and questions some intervals will leave out zero by chance alone (about one in twenty where there is no difference at all).",
    lookAt:
      args.what === "competency"
        ? `Look at the questions that assess "${args.label}" (the question table below) to see whether one of them carries the gap, at their rating anchors, and at the panels who rated them: calibration shows each panelist's leniency.`
        : `Look at the question's wording and its good-answer guide for knowledge or experience the role does not need, and at the panels who asked it: calibration shows each panelist's leniency.`,
  };
}
