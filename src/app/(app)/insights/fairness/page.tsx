import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { Alert } from "@/components/ui/alert";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { fairnessReportInput } from "@/lib/schemas/fairness-report";
import { pageAccess } from "@/trpc/server";
import { reportQuery } from "./fairness-format";
import { AppointmentTable, FlagReadings, ScoreTable, StageTables } from "./fairness-tables";

export const metadata: Metadata = { title: "Fairness report" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

const NOT_FOR_YOU = (
  <NotForYourRole title="Fairness report">
    The fairness report is for HR and admins, and for hiring managers only where the organisation shares it with them.
  </NotForYourRole>
);

export default async function FairnessReportPage({ searchParams }: { searchParams: Search }) {
  const { api, allowed } = await pageAccess("insights:read");
  if (!allowed) return NOT_FOR_YOU;
  const params = await searchParams;
  const filters = { vacancy: one(params.vacancy), from: one(params.from), to: one(params.to) };
  let scopes;
  try {
    scopes = await api.monitoring.reportScopes();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return NOT_FOR_YOU;
    throw error;
  }
  const parsed = fairnessReportInput.safeParse({ vacancyId: filters.vacancy, from: filters.from, to: filters.to });
  let report = null;
  let problem: string | null = parsed.success ? null : parsed.error.issues.map((i) => i.message).join("; ");
  if (parsed.success) {
    try {
      report = await api.monitoring.report(parsed.data);
    } catch (error) {
      if (!(error instanceof TRPCError) || !["FORBIDDEN", "NOT_FOUND", "CONFLICT"].includes(error.code)) throw error;
      problem = error.message;
    }
  }
  const query = reportQuery(filters);
  return (
    <>
      <PageHeader
        title="Fairness report"
        description="Does the process, a stage of it or a question in it treat groups of candidates differently? Group figures from the voluntary equal-opportunities answers; no one's own answers are ever shown."
        actions={
          report?.status === "ok" ? (
            <a className="btn-secondary" href={`/api/export/fairness${query}`} download>
              Download CSV
            </a>
          ) : undefined
        }
      />

      <form method="get" role="search" aria-label="Fairness report filters" className="card mt-4 grid gap-3 sm:grid-cols-4 sm:items-end print:hidden">
        <div>
          <label htmlFor="fairness-vacancy" className="field-label">
            Vacancy
          </label>
          <select id="fairness-vacancy" name="vacancy" className="field-input" defaultValue={filters.vacancy ?? ""}>
            {scopes.allVacancies && <option value="">All vacancies</option>}
            {!scopes.allVacancies && <option value="">All the vacancies you manage</option>}
            {scopes.vacancies.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="fairness-from" className="field-label">
            Applied from
          </label>
          <input id="fairness-from" name="from" type="date" className="field-input" defaultValue={filters.from ?? ""} />
        </div>
        <div>
          <label htmlFor="fairness-to" className="field-label">
            Applied to
          </label>
          <input id="fairness-to" name="to" type="date" className="field-input" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="btn-primary">
          Show report
        </button>
      </form>

      <Alert tone="info" className="mt-4">
        {report?.suppressionNote ??
          `Small numbers are hidden: any figure resting on fewer than ${scopes.minCell} people reads "fewer than ${scopes.minCell}", and so does one more group where a hidden figure could otherwise be worked out by subtraction.`}
      </Alert>

      {problem && (
        <Alert tone="error" className="mt-4">
          {problem}
        </Alert>
      )}
      {report && report.status !== "ok" && (
        <Alert tone="warning" className="mt-4">
          {report.message}
        </Alert>
      )}

      {report?.status === "ok" && (
        <>
          <section aria-labelledby="flags-heading" className="card mt-4">
            <h2 id="flags-heading" className="text-lg font-semibold">
              Flags and how to read them
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {report.candidates} candidates{report.scope.vacancyTitle ? ` of ${report.scope.vacancyTitle}` : ""}. A flag is a reason
              to look closer, not a finding: each says what it means, what it does not prove and where to look.
            </p>
            <FlagReadings report={report} />
          </section>

          {report.categories.map((category) => (
            <section key={category.key} aria-labelledby={`cat-${category.key}`} className="card mt-4">
              <h2 id={`cat-${category.key}`} className="text-lg font-semibold">
                {category.label}
              </h2>
              <h3 className="mt-3 font-semibold">By stage</h3>
              <p className="mt-1 text-sm text-slate-700">
                Selection rate: selected (advanced or appointed) of those decided at the stage. Impact ratio: a group&apos;s rate over
                the highest group&apos;s; under 0.80 is flagged (the four-fifths rule of thumb). Fisher&apos;s p: how likely a split at
                least this uneven between the group and everyone else would be by chance alone.
              </p>
              <StageTables category={category} hiddenText={report.suppressedText} />
              <h3 className="mt-5 font-semibold">Appointed from shortlisted</h3>
              <AppointmentTable category={category} hiddenText={report.suppressedText} />
              <h3 className="mt-5 font-semibold">Ratings per competency</h3>
              <p className="mt-1 text-sm text-slate-700">
                Each candidate&apos;s mean rating (1 to 4) from submitted scorecards, averaged per group. Hedges&apos; g: the
                group&apos;s difference from everyone else in standard deviations (negative: rated lower); flagged where its 95%
                interval leaves out zero and it is at least 0.2.
              </p>
              <ScoreTable category={category} what="competencies" hiddenText={report.suppressedText} />
              <h3 className="mt-5 font-semibold">Ratings per question</h3>
              <ScoreTable category={category} what="questions" hiddenText={report.suppressedText} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
