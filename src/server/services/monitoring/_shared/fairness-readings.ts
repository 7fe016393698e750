// The fairness report in words, from its facts, in one language: the readings of its flags (what the figure
// means, what it does not prove and where to look next), the small-numbers note, why nothing is shown, and the
// names of categories, groups and stages. The same words serve the page (the reader's language), the CSV (the
// exporter's) and the report's own English fields, so each sentence is written once, in fairness.json.
import { createFormatter, createTranslator, type AbstractIntlMessages } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/config";
import { FORMATS } from "@/i18n/formats";
import { loadMessages } from "@/i18n/load-messages";
import type { FairnessFlagFacts, FairnessReport, StageRef } from "@/lib/schemas/fairness-report";
import { effectiveMinCell } from "@/lib/statistics/fairness/suppress-small-cells";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type NumberOptions = NonNullable<Parameters<ReturnType<typeof createFormatter>["number"]>[2]>;

export type FairnessWords = {
  /** fairness.report.* */
  t: Translate;
  /** A category's name (monitoringForm's), its key when the form has none. */
  category: (categoryKey: string) => string;
  /** An answer's name, or "not answered". */
  group: (categoryKey: string, groupKey: string) => string;
  number: (value: number, options?: NumberOptions) => string;
};

/** The group of candidates who gave no answer in a category (not an option of any category). */
export const NOT_ANSWERED = "not_answered";

const cache = new Map<Locale, FairnessWords>();

/** The report's words in `locale` (English by default). */
export function fairnessWords(locale: Locale = DEFAULT_LOCALE): FairnessWords {
  const cached = cache.get(locale);
  if (cached) return cached;
  const messages = loadMessages(locale) as AbstractIntlMessages;
  const t = createTranslator({ locale, messages, namespace: "fairness.report" }) as unknown as Translate;
  const form = createTranslator({ locale, messages, namespace: "monitoringForm.categories" }) as unknown as Translate & { has: (key: string) => boolean };
  const format = createFormatter({ locale, formats: FORMATS });
  const words: FairnessWords = {
    t,
    category: (key) => (form.has(`${key}.label`) ? form(`${key}.label`) : key),
    group: (categoryKey, groupKey) => {
      if (groupKey === NOT_ANSWERED) return t("notAnswered");
      const key = `${categoryKey}.options.${groupKey}`;
      return form.has(key) ? form(key) : groupKey;
    },
    number: (value, options) => format.number(value, options),
  };
  // Outside development the messages are read once, so their words may be kept as well.
  if (process.env.NODE_ENV !== "development") cache.set(locale, words);
  return words;
}

const percent = (w: FairnessWords, x: number) => w.number(x, { style: "percent", maximumFractionDigits: 0 });
/** A figure with exactly `digits` decimals, as the English report has always shown them (0.50, not 0.5). */
export const fixedNumber = (w: FairnessWords, x: number, digits = 2) => w.number(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function stageName(stage: StageRef, w: FairnessWords): string {
  if (!stage.numbered) return stage.names[0] ?? w.t("stageNumbered", { ordinal: stage.ordinal });
  return stage.names.length <= 3 ? w.t("stageNumberedNames", { ordinal: stage.ordinal, names: stage.names.join(" / ") }) : w.t("stageNumbered", { ordinal: stage.ordinal });
}

/** What a hidden figure reads: "fewer than 5". */
export const fewerThanText = (minCell: number, w: FairnessWords) => w.t("fewerThan", { n: effectiveMinCell(minCell) });

export function suppressionNoteText(minCell: number, w: FairnessWords): string {
  return w.t("suppressionNote", { n: effectiveMinCell(minCell), hidden: fewerThanText(minCell, w) });
}

/** Why the report shows nothing (null when it shows figures). */
export function reportMessageText(report: Pick<FairnessReport, "status" | "minCell" | "scope">, w: FairnessWords): string | null {
  if (report.status === "no_categories") return w.t("noCategories");
  if (report.status === "too_few") {
    return w.t("tooFew", { needed: 2 * report.minCell, min: report.minCell, scope: report.scope.vacancyId ? "vacancy" : "selection" });
  }
  return null;
}

export type FlagReading = { headline: string; means: string; doesNotProve: string; lookAt: string };

export function flagReading(facts: FairnessFlagFacts, w: FairnessWords): FlagReading {
  const category = w.category(facts.categoryKey);
  const group = w.group(facts.categoryKey, facts.groupKey);
  if (facts.kind === "four_fifths") {
    const stage = stageName(facts.stage, w);
    const ratio = fixedNumber(w, facts.impactRatio);
    const chance =
      facts.fisherP === null ? null : w.t(facts.fisherP < 0.05 ? "fourFifths.seldomByChance" : "fourFifths.easilyByChance", { p: fixedNumber(w, facts.fisherP, 3) });
    const means = w.t("fourFifths.means", { stage, group, category, ratio });
    return {
      headline: w.t("fourFifths.headline", {
        stage,
        group,
        rate: percent(w, facts.rate),
        ratio,
        highestGroup: w.group(facts.categoryKey, facts.highestGroupKey),
        highestRate: percent(w, facts.highestRate),
      }),
      means: chance ? `${means} ${chance}` : means,
      doesNotProve: w.t("fourFifths.doesNotProve"),
      lookAt: w.t("fourFifths.lookAt", { stage }),
    };
  }
  const values = {
    what: facts.what,
    label: facts.label,
    group,
    category,
    direction: facts.g < 0 ? "lower" : "higher",
    g: fixedNumber(w, facts.g),
    low: fixedNumber(w, facts.ciLow),
    high: fixedNumber(w, facts.ciHigh),
    small: w.number(0.2),
    medium: w.number(0.5),
    large: w.number(0.8),
  };
  return {
    headline: w.t("scoreGap.headline", values),
    means: w.t("scoreGap.means", values),
    doesNotProve: w.t("scoreGap.doesNotProve"),
    lookAt: w.t(facts.what === "competency" ? "scoreGap.lookAtCompetency" : "scoreGap.lookAtQuestion", { label: facts.label }),
  };
}

/** A flag as the report carries it: its facts with their English words. */
export function englishFlag(facts: FairnessFlagFacts, where: string) {
  const w = fairnessWords(DEFAULT_LOCALE);
  return {
    kind: facts.kind,
    category: w.category(facts.categoryKey),
    group: w.group(facts.categoryKey, facts.groupKey),
    where,
    ...flagReading(facts, w),
    facts,
  };
}
