// The fairness report: per stage, per competency and per question, by the equal-opportunities answers of the
// candidates in scope, with small numbers suppressed. Every view is written to the audit log.
import "server-only";
import { collectedMonitoringCategories, type MonitoringAnswers } from "@/lib/monitoring/categories";
import type { FairnessReport, FairnessReportInput } from "@/lib/schemas/fairness-report";
import { effectiveMinCell } from "@/lib/statistics/fairness/suppress-small-cells";
import type { Db } from "@/server/db";
import { appError } from "@/server/errors";
import { currentMonitoringKeyId, decryptMonitoringAnswers, MonitoringDecryptionError } from "@/server/security/monitoring-crypto";
import type { Actor } from "@/server/services/actor";
import { recordActorEvent } from "@/server/services/audit/record-audit-event";
import { assembleFairnessReport } from "./_shared/assemble-fairness-report";
import { fairnessReportAccess } from "./_shared/fairness-report-access";
import { fairnessWords, fewerThanText, reportMessageText, suppressionNoteText } from "./_shared/fairness-readings";
import { loadFairnessRows } from "./_shared/load-fairness-rows";

const startOf = (day: string) => new Date(`${day}T00:00:00.000Z`);
const dayAfter = (day: string) => new Date(startOf(day).getTime() + 86_400_000);

/** Decrypts the answers of the candidates in scope. They never leave this function one by one. */
async function answersOf(db: Db, orgId: string, candidateIds: string[]): Promise<Map<string, MonitoringAnswers>> {
  const responses = await db.monitoringResponse.findMany({
    where: { orgId, candidateId: { in: candidateIds } },
    select: { candidateId: true, keyId: true, ciphertext: true },
  });
  // Reading undecryptable answers as "not answered" would give a report that looks right and is not.
  const current = currentMonitoringKeyId();
  const otherKey = responses.find((r) => r.keyId !== current);
  if (otherKey) throw appError("CONFLICT", "monitoring.answersOtherKey", { stored: otherKey.keyId, current });
  try {
    return new Map(responses.map((r) => [r.candidateId, decryptMonitoringAnswers(r)]));
  } catch (error) {
    if (error instanceof MonitoringDecryptionError) throw appError("CONFLICT", "monitoring.answersUndecryptable");
    throw error;
  }
}

export async function getFairnessReport(db: Db, actor: Actor, input: FairnessReportInput, via: "page" | "csv" = "page"): Promise<FairnessReport> {
  const access = await fairnessReportAccess(db, actor, input.vacancyId);
  const minCell = effectiveMinCell(access.minCell);
  const scope = { reader: actor, vacancyIds: access.vacancyIds, from: input.from ? startOf(input.from) : null, to: input.to ? dayAfter(input.to) : null };
  const rows = await loadFairnessRows(db, scope);
  const categories = collectedMonitoringCategories(access.categories);
  // The text fields are English (the API's and the CSV data rows'); the page words the facts for its reader.
  const english = fairnessWords();
  const base = {
    scope: { vacancyId: input.vacancyId ?? null, vacancyTitle: access.vacancyTitle, from: input.from ?? null, to: input.to ?? null },
    minCell,
    suppressedText: fewerThanText(minCell, english),
    suppressionNote: suppressionNoteText(minCell, english),
  };
  let report: FairnessReport;
  const nothingShown = { candidates: null, categories: [], flags: [] };
  if (categories.length === 0) {
    report = { ...base, status: "no_categories", message: reportMessageText({ ...base, status: "no_categories" }, english), ...nothingShown };
  } else if (rows.candidates.length < 2 * minCell) {
    // Two groups of at least minCell are the least any comparison needs; below that nothing is shown at all.
    report = { ...base, status: "too_few", message: reportMessageText({ ...base, status: "too_few" }, english), ...nothingShown };
  } else {
    const answers = await answersOf(db, actor.orgId, rows.candidates.map((c) => c.candidateId));
    const built = assembleFairnessReport({ rows, answers, categories, minCell, oneVacancy: access.vacancyIds?.length === 1 });
    report = { ...base, status: "ok", message: null, candidates: rows.candidates.length, ...built };
  }
  await recordActorEvent(db, actor, via === "csv" ? "monitoring.report_exported" : "monitoring.report_viewed", input.vacancyId ? ["Vacancy", input.vacancyId] : ["Organization", actor.orgId], {
    from: input.from ?? null,
    to: input.to ?? null,
    result: report.status,
  });
  return report;
}
