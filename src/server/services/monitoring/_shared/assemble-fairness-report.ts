// Builds the fairness report's sections from the per-candidate rows and each candidate's equal-opportunities
// answers: grouping, the statistics, suppression of small cells and the readings of the flags. Pure.
import type { MonitoringAnswers, MonitoringCategory } from "@/lib/monitoring/categories";
import { PREFER_NOT_TO_SAY } from "@/lib/monitoring/categories";
import type { FairnessCategory, FairnessFlag, ScoreGroup, StageGroup, StageRef } from "@/lib/schemas/fairness-report";
import { fisherExactTwoSided } from "@/lib/statistics/fairness/fisher-exact";
import { differenceIsFlagged, hedgesG, summarise } from "@/lib/statistics/fairness/hedges-g";
import { impactRatios, relativeLikelihood } from "@/lib/statistics/fairness/selection-rates";
import { suppressSmallCells } from "@/lib/statistics/fairness/suppress-small-cells";
import type { FairnessRows, ScoreRow } from "./load-fairness-rows";
import { englishFlag, fairnessWords, NOT_ANSWERED, stageName } from "./fairness-readings";

type Group = { key: string; label: string; compared: boolean };

/** The category's answers in its own order, then "not answered"; only stated answers are compared. */
function groupsOf(category: MonitoringCategory): Group[] {
  return [
    ...category.options.map((o) => ({ key: o.key, label: o.label, compared: o.key !== PREFER_NOT_TO_SAY })),
    { key: NOT_ANSWERED, label: fairnessWords().group(category.key, NOT_ANSWERED), compared: false },
  ];
}

const hidden = (v: string) => v !== "shown";

/** Groups of `members` (candidate ids) by answer, in the category's order, empty groups left out. */
function partition(groups: Group[], groupOf: (candidateId: string) => string, members: Iterable<string>) {
  const byGroup = new Map<string, string[]>();
  for (const id of members) {
    const key = groupOf(id);
    byGroup.set(key, [...(byGroup.get(key) ?? []), id]);
  }
  return groups.filter((g) => byGroup.has(g.key)).map((g) => ({ group: g, ids: byGroup.get(g.key)! }));
}

type StageInput = { key: string; label: string; ref: StageRef; outcomes: Map<string, string | null> };

function stageSection(stage: StageInput, groups: Group[], groupOf: (id: string) => string, minCell: number, categoryKey: string, flags: FairnessFlag[]) {
  const parts = partition(groups, groupOf, stage.outcomes.keys());
  const counts = parts.map(({ group, ids }) => {
    const decided = ids.filter((id) => stage.outcomes.get(id) != null);
    const selected = decided.filter((id) => ["ADVANCE", "APPOINT"].includes(stage.outcomes.get(id)!)).length;
    return { group, candidates: ids.length, decisions: decided.length, selected };
  });
  const candidateVis = suppressSmallCells(counts.map((c) => c.candidates), minCell);
  const stageDecisions = counts.reduce((s, c) => s + c.decisions, 0);
  // A stage where nothing is decided yet gives nothing away by saying so.
  const decisionVis =
    stageDecisions === 0 ? candidateVis : suppressSmallCells(counts.map((c) => c.decisions), minCell, { alreadyHidden: candidateVis.map(hidden) });
  // Selected and not selected are cells too: a group's selection figures need both to rest on enough people.
  const selectionVis = suppressSmallCells(
    counts.map((c) => Math.min(c.selected, c.decisions - c.selected)),
    minCell,
    { alreadyHidden: decisionVis.map(hidden), people: counts.map((c) => c.decisions) },
  );
  const stageSelected = counts.reduce((s, c) => s + c.selected, 0);
  const comparable = counts.map((c, i) => c.group.compared && !hidden(selectionVis[i]!));
  const rates = impactRatios(counts.filter((_, i) => comparable[i]).map((c) => ({ group: c.group.key, selected: c.selected, total: c.decisions })));
  const rateOf = new Map(rates.map((r) => [r.group, r]));
  const highest = rates.reduce<(typeof rates)[number] | null>((best, r) => (r.rate !== null && (!best || r.rate > best.rate!) ? r : best), null);

  const rows: StageGroup[] = counts.map((c, i) => {
    const r = comparable[i] ? rateOf.get(c.group.key) : undefined;
    const showSelection = !hidden(selectionVis[i]!);
    // Everyone else decided at the stage, answered or not: a complement of figures already public.
    const fisherP = r
      ? fisherExactTwoSided(c.selected, c.decisions - c.selected, stageSelected - c.selected, stageDecisions - c.decisions - (stageSelected - c.selected))
      : null;
    if (r && r.fourFifthsFlag && highest && r.impactRatio !== null && r.rate !== null) {
      flags.push(
        englishFlag(
          {
            kind: "four_fifths",
            categoryKey,
            groupKey: c.group.key,
            stage: stage.ref,
            rate: r.rate,
            highestGroupKey: highest.group,
            highestRate: highest.rate!,
            impactRatio: r.impactRatio,
            fisherP,
          },
          stage.label,
        ),
      );
    }
    return {
      ...c.group,
      suppressed: hidden(candidateVis[i]!),
      candidates: hidden(candidateVis[i]!) ? null : c.candidates,
      decisionsSuppressed: hidden(decisionVis[i]!),
      decisions: hidden(decisionVis[i]!) ? null : c.decisions,
      selected: showSelection ? c.selected : null,
      rate: showSelection && c.decisions > 0 ? c.selected / c.decisions : null,
      impactRatio: r?.impactRatio ?? null,
      fourFifthsFlag: r?.fourFifthsFlag ?? false,
      fisherP,
    };
  });
  return { key: stage.key, label: stage.label, stage: stage.ref, candidates: stage.outcomes.size, decisions: stageDecisions, groups: rows };
}

function scoreSections(
  rows: ScoreRow[],
  what: "competency" | "question",
  groups: Group[],
  groupOf: (id: string) => string,
  minCell: number,
  categoryKey: string,
  flags: FairnessFlag[],
) {
  const byKey = new Map<string, { label: string; means: Map<string, number> }>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { label: row.label, means: new Map<string, number>() };
    entry.means.set(row.candidateId, row.mean);
    byKey.set(row.key, entry);
  }
  const sections = [...byKey.entries()].map(([key, { label, means }]) => {
    const parts = partition(groups, groupOf, means.keys());
    const vis = suppressSmallCells(parts.map((p) => p.ids.length), minCell);
    const all = [...means.entries()];
    const scoreGroups: ScoreGroup[] = parts.map(({ group, ids }, i) => {
      const shown = !hidden(vis[i]!);
      const mine = summarise(ids.map((id) => means.get(id)!));
      // The rest: everyone else rated, answered or not (a complement of figures that are not group-specific).
      const inGroup = new Set(ids);
      const rest = summarise(all.filter(([id]) => !inGroup.has(id)).map(([, m]) => m));
      const diff = shown && group.compared ? hedgesG(mine, rest) : null;
      const flagged = differenceIsFlagged(diff);
      if (flagged && diff) {
        flags.push(englishFlag({ kind: "score_gap", categoryKey, groupKey: group.key, what, label, g: diff.g, ciLow: diff.ciLow, ciHigh: diff.ciHigh }, label));
      }
      return {
        ...group,
        suppressed: !shown,
        n: shown ? ids.length : null,
        mean: shown ? mine.mean : null,
        g: diff?.g ?? null,
        ciLow: diff?.ciLow ?? null,
        ciHigh: diff?.ciHigh ?? null,
        flagged,
      };
    });
    return { key, label, groups: scoreGroups };
  });
  return sections.sort((a, b) => a.label.localeCompare(b.label));
}

function appointmentSection(rows: FairnessRows, groups: Group[], groupOf: (id: string) => string, minCell: number) {
  const shortlisted = rows.candidates.filter((c) => c.shortlisted);
  const appointed = new Set(shortlisted.filter((c) => c.appointed).map((c) => c.candidateId));
  const parts = partition(groups, groupOf, shortlisted.map((c) => c.candidateId));
  const counts = parts.map(({ group, ids }) => ({ group, shortlisted: ids.length, appointed: ids.filter((id) => appointed.has(id)).length }));
  const baseVis = suppressSmallCells(counts.map((c) => c.shortlisted), minCell);
  const vis = suppressSmallCells(counts.map((c) => Math.min(c.appointed, c.shortlisted - c.appointed)), minCell, {
    alreadyHidden: baseVis.map(hidden),
    people: counts.map((c) => c.shortlisted),
  });
  const reference = counts
    .filter((c, i) => c.group.compared && !hidden(vis[i]!))
    .reduce<(typeof counts)[number] | null>((best, c) => (!best || c.shortlisted > best.shortlisted ? c : best), null);
  return {
    referenceGroup: reference?.group.label ?? null,
    referenceGroupKey: reference?.group.key ?? null,
    groups: counts.map((c, i) => {
      const shown = !hidden(vis[i]!);
      return {
        ...c.group,
        suppressed: hidden(baseVis[i]!),
        shortlisted: hidden(baseVis[i]!) ? null : c.shortlisted,
        appointed: shown ? c.appointed : null,
        rate: shown ? c.appointed / c.shortlisted : null,
        relativeLikelihood: shown && reference && c.group.compared && c !== reference ? relativeLikelihood(reference, c) : null,
      };
    }),
  };
}

/** Stages line up by their place in the plan; one vacancy's are named, several vacancies' numbered. */
function stagesOf(rows: FairnessRows, oneVacancy: boolean): StageInput[] {
  const byOrdinal = new Map<number, { names: Set<string>; outcomes: Map<string, string | null> }>();
  for (const row of rows.stages) {
    const entry = byOrdinal.get(row.ordinal) ?? { names: new Set<string>(), outcomes: new Map() };
    entry.names.add(row.stageName);
    entry.outcomes.set(row.candidateId, row.outcome);
    byOrdinal.set(row.ordinal, entry);
  }
  return [...byOrdinal.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ordinal, { names, outcomes }]) => {
      const ref = { ordinal, names: [...names].sort(), numbered: !oneVacancy };
      return { key: String(ordinal), label: stageName(ref, fairnessWords()), ref, outcomes };
    });
}

export function assembleFairnessReport(args: {
  rows: FairnessRows;
  answers: Map<string, MonitoringAnswers>;
  categories: MonitoringCategory[];
  minCell: number;
  oneVacancy: boolean;
}): { categories: FairnessCategory[]; flags: FairnessFlag[] } {
  const flags: FairnessFlag[] = [];
  const stages = stagesOf(args.rows, args.oneVacancy);
  const categories = args.categories.map((category) => {
    const groups = groupsOf(category);
    const groupOf = (id: string) => args.answers.get(id)?.[category.key]?.option ?? NOT_ANSWERED;
    return {
      key: category.key,
      label: category.label,
      stages: stages.map((s) => stageSection(s, groups, groupOf, args.minCell, category.key, flags)),
      appointment: appointmentSection(args.rows, groups, groupOf, args.minCell),
      competencies: scoreSections(args.rows.competencies, "competency", groups, groupOf, args.minCell, category.key, flags),
      questions: scoreSections(args.rows.questions, "question", groups, groupOf, args.minCell, category.key, flags),
    };
  });
  return { categories, flags };
}
