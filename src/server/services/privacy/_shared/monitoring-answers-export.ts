// The person's own equal-opportunities answers, decrypted for their subject-access export: the one place
// outside the fairness report's aggregates that reads MonitoringResponse. Labelled in words, as they answered.
import { monitoringCategory, monitoringOptionLabel } from "@/lib/monitoring/categories";
import type { Db } from "@/server/db";
import { decryptMonitoringAnswers } from "@/server/security/monitoring-crypto";

export const MONITORING_EXPORT_NOTE =
  "Your answers to the voluntary equal-opportunities form: stored encrypted and apart from your application, never shown to interviewers or hiring managers, and used only in group totals.";

export async function monitoringAnswersForExport(db: Db, orgId: string, candidacyIds: string[]) {
  const rows = await db.monitoringResponse.findMany({
    where: { orgId, candidateId: { in: candidacyIds } },
    orderBy: { submittedAt: "asc" },
    select: { candidateId: true, keyId: true, ciphertext: true, submittedAt: true },
  });
  return rows.map((row) => {
    const base = { candidacyId: row.candidateId, submittedAt: row.submittedAt };
    let answers;
    try {
      answers = decryptMonitoringAnswers(row);
    } catch (error) {
      // The export still goes out; it says these answers exist and why they are not shown.
      return { ...base, answers: [], unreadable: (error as Error).message };
    }
    return {
      ...base,
      answers: Object.entries(answers).map(([categoryKey, answer]) => ({
        question: monitoringCategory(categoryKey)?.question ?? categoryKey,
        category: monitoringCategory(categoryKey)?.label ?? categoryKey,
        answer: monitoringOptionLabel(categoryKey, answer.option),
        ...(answer.text ? { describedAs: answer.text } : {}),
      })),
    };
  });
}
