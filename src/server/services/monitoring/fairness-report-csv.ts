// The fairness report as CSV: the same figures as the page, with the same cells suppressed (they read
// "fewer than N", never a number), the suppression note first and each flag's reading last. The data cells are
// the same in every language (codes, figures, the report's English names); the header row and the prose (the
// notes and the readings, last column) are in the exporter's language (issue 23).
import "server-only";
import { stringify } from "csv-stringify/sync";
import { guardCell } from "@/lib/csv/guard-cell";
import type { FairnessReport, FairnessReportInput } from "@/lib/schemas/fairness-report";
import type { Locale } from "@/i18n/config";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/services/actor";
import { getFairnessReport } from "./get-fairness-report";
import { headerWords, rawHeader } from "../_shared/csv-header-words";
import { fairnessWords, fixedNumber, flagReading, reportMessageText, suppressionNoteText, type FairnessWords } from "./_shared/fairness-readings";

const HEADER = [
  "section", "category", "stage_competency_or_question", "group", "candidates", "decisions", "selected", "selection_rate",
  "impact_ratio", "four_fifths_flag", "fisher_p", "mean_rating", "hedges_g", "ci_low", "ci_high", "flag", "reading",
];

export function fairnessReportRecords(report: FairnessReport, words: FairnessWords = fairnessWords()): string[][] {
  const hiddenText = report.suppressedText;
  const count = (value: number | null, hidden: boolean) => (hidden ? hiddenText : value === null ? "" : String(value));
  const num = (value: number | null, digits = 3) => (value === null ? "" : value.toFixed(digits));
  const blank = (n: number) => Array<string>(n).fill("");
  const rows: string[][] = [["note", "", "", "", ...blank(12), suppressionNoteText(report.minCell, words)]];
  const message = reportMessageText(report, words);
  if (message) rows.push(["note", "", "", "", ...blank(12), message]);
  for (const category of report.categories) {
    for (const stage of category.stages) {
      for (const g of stage.groups) {
        const selectionHidden = g.selected === null && !g.decisionsSuppressed && (g.decisions ?? 0) > 0;
        rows.push([
          "stage", category.label, stage.label, g.label,
          count(g.candidates, g.suppressed), count(g.decisions, g.decisionsSuppressed),
          count(g.selected, g.decisionsSuppressed || selectionHidden),
          g.rate === null ? (g.decisionsSuppressed || selectionHidden ? hiddenText : "") : num(g.rate),
          num(g.impactRatio), g.fourFifthsFlag ? "yes" : "", num(g.fisherP, 4), ...blank(4), g.fourFifthsFlag ? "four-fifths" : "", "",
        ]);
      }
    }
    for (const g of category.appointment.groups) {
      rows.push([
        "appointed_from_shortlisted", category.label, `reference: ${category.appointment.referenceGroup ?? "none"}`, g.label,
        count(g.shortlisted, g.suppressed), "", g.appointed === null ? hiddenText : String(g.appointed), g.rate === null ? hiddenText : num(g.rate),
        ...blank(8), g.relativeLikelihood === null ? "" : words.t("relativeLikelihood", { value: fixedNumber(words, g.relativeLikelihood) }),
      ]);
    }
    for (const [section, list] of [["competency", category.competencies], ["question", category.questions]] as const) {
      for (const item of list) {
        for (const g of item.groups) {
          rows.push([
            section, category.label, item.label, g.label, count(g.n, g.suppressed), ...blank(6),
            g.suppressed ? hiddenText : num(g.mean, 2), num(g.g), num(g.ciLow), num(g.ciHigh), g.flagged ? "score gap" : "", "",
          ]);
        }
      }
    }
  }
  for (const flag of report.flags) {
    const reading = flagReading(flag.facts, words);
    rows.push(["flag", flag.category, flag.where, flag.group, ...blank(12), `${reading.headline}. ${reading.means} ${reading.doesNotProve} ${reading.lookAt}`]);
  }
  return rows;
}

/** `locale`: the language of the header row, the notes and the readings (issue 23); the data cells are the same in every language. */
export async function fairnessReportCsv(db: Db, actor: Actor, input: FairnessReportInput, locale?: Locale): Promise<string> {
  const report = await getFairnessReport(db, actor, input, "csv");
  return stringify([rawHeader(headerWords(locale), HEADER), ...fairnessReportRecords(report, fairnessWords(locale)).map((row) => row.map(guardCell))]);
}

export function fairnessReportFileName(now = new Date()): string {
  return `panelkit-fairness-report-${now.toISOString().slice(0, 10)}.csv`;
}
