import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { DAY_RANGE_MESSAGE, NO_SUCH_DAY_MESSAGE } from "@/lib/schemas/common";
import { DATE_ORDER_MESSAGE, fairnessReportInput } from "@/lib/schemas/fairness-report";
import { pageAccess } from "@/trpc/server";
import { fewerThanText, reportMessageText, suppressionNoteText } from "@/server/services/monitoring/_shared/fairness-readings";
import { readerWords, reportQuery } from "./fairness-format";
import { AppointmentTable, FlagReadings, ScoreTable, StageTables } from "./fairness-tables";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fairness");
  return { title: t("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

async function NotForYou() {
  const t = await getTranslations("fairness");
  return <NotForYourRole title={t("title")}>{t("notForYou")}</NotForYourRole>;
}

export default async function FairnessReportPage({ searchParams }: { searchParams: Search }) {
  const { api, allowed } = await pageAccess("insights:read");
  if (!allowed) return <NotForYou />;
  const [t, w] = await Promise.all([getTranslations("fairness"), readerWords()]);
  const params = await searchParams;
  const filters = { vacancy: one(params.vacancy), from: one(params.from), to: one(params.to) };
  let scopes;
  try {
    scopes = await api.monitoring.reportScopes();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return <NotForYou />;
    throw error;
  }
  const parsed = fairnessReportInput.safeParse({ vacancyId: filters.vacancy, from: filters.from, to: filters.to });
  let report = null;
  // The filters' problems in the reader's language: a vacancy not in the list, the dates' order, a day that does
  // not exist (2026-02-30) or is outside the app's years, or a date's form.
  const filterProblem = (issue: { message: string; path: readonly PropertyKey[] }) =>
    issue.path[0] === "vacancyId"
      ? t("filterProblems.vacancy")
      : issue.message === DATE_ORDER_MESSAGE
        ? t("filterProblems.dateOrder")
        : issue.message === NO_SUCH_DAY_MESSAGE
          ? t("filterProblems.noSuchDay")
          : issue.message === DAY_RANGE_MESSAGE
            ? t("filterProblems.dateRange")
            : t("filterProblems.date");
  let problem: string | null = parsed.success ? null : parsed.error.issues.map(filterProblem).join("; ");
  if (parsed.success) {
    try {
      report = await api.monitoring.report(parsed.data);
    } catch (error) {
      if (!(error instanceof TRPCError) || !["BAD_REQUEST", "FORBIDDEN", "NOT_FOUND", "CONFLICT"].includes(error.code)) throw error;
      problem = error.message;
    }
  }
  const query = reportQuery(filters);
  const hiddenText = fewerThanText(report?.minCell ?? scopes.minCell, w);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          report?.status === "ok" ? (
            <a className="btn-secondary" href={`/api/export/fairness${query}`} download>
              {t("download")}
            </a>
          ) : undefined
        }
      />

      <form method="get" role="search" aria-label={t("filters")} className="card mt-4 grid gap-3 sm:grid-cols-4 sm:items-end print:hidden">
        <div>
          <label htmlFor="fairness-vacancy" className="field-label">
            {t("vacancy")}
          </label>
          <select id="fairness-vacancy" name="vacancy" className="field-input" defaultValue={filters.vacancy ?? ""}>
            <option value="">{scopes.allVacancies ? t("allVacancies") : t("allManaged")}</option>
            {scopes.vacancies.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="fairness-from" className="field-label">
            {t("from")}
          </label>
          <input id="fairness-from" name="from" type="date" className="field-input" defaultValue={filters.from ?? ""} />
        </div>
        <div>
          <label htmlFor="fairness-to" className="field-label">
            {t("to")}
          </label>
          <input id="fairness-to" name="to" type="date" className="field-input" defaultValue={filters.to ?? ""} />
        </div>
        <button type="submit" className="btn-primary">
          {t("show")}
        </button>
      </form>

      <Alert tone="info" className="mt-4">
        {report ? suppressionNoteText(report.minCell, w) : t("suppression", { min: scopes.minCell })}
      </Alert>

      {problem && (
        <Alert tone="error" className="mt-4">
          {problem}
        </Alert>
      )}
      {report && report.status !== "ok" && (
        <Alert tone="warning" className="mt-4">
          {reportMessageText(report, w)}
        </Alert>
      )}

      {report?.status === "ok" && (
        <>
          <section aria-labelledby="flags-heading" className="card mt-4">
            <h2 id="flags-heading" className="text-lg font-semibold">
              {t("flagsHeading")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {report.scope.vacancyTitle
                ? t("candidatesOf", { count: report.candidates ?? 0, vacancy: report.scope.vacancyTitle })
                : t("candidates", { count: report.candidates ?? 0 })}{" "}
              {t("flagsIntro")}
            </p>
            <FlagReadings report={report} />
          </section>

          {report.categories.map((category) => (
            <section key={category.key} aria-labelledby={`cat-${category.key}`} className="card mt-4">
              <h2 id={`cat-${category.key}`} className="text-lg font-semibold">
                {w.category(category.key)}
              </h2>
              <h3 className="mt-3 font-semibold">{t("byStage")}</h3>
              <p className="mt-1 text-sm text-slate-700">{t("byStageIntro")}</p>
              <StageTables category={category} hiddenText={hiddenText} />
              <h3 className="mt-5 font-semibold">{t("appointedHeading")}</h3>
              <AppointmentTable category={category} hiddenText={hiddenText} />
              <h3 className="mt-5 font-semibold">{t("perCompetency")}</h3>
              <p className="mt-1 text-sm text-slate-700">{t("perCompetencyIntro")}</p>
              <ScoreTable category={category} what="competencies" hiddenText={hiddenText} />
              <h3 className="mt-5 font-semibold">{t("perQuestion")}</h3>
              <ScoreTable category={category} what="questions" hiddenText={hiddenText} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
