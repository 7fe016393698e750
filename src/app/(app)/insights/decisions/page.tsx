import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import type { DecisionInsights } from "../_components/insights-format";
import { PrintButton } from "../_components/print-button";
import { StatTable, type StatColumn } from "../_components/stat-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("decisions"))("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"decisions">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

const figureColumns = (t: T): StatColumn[] => [
  { label: t("columns.decisions"), numeric: true },
  { label: t("columns.overrides"), numeric: true },
  { label: t("columns.overrideRate"), numeric: true },
  { label: t("columns.median"), numeric: true },
];

const conversionColumns = (t: T): StatColumn[] => [
  { label: t("columns.stage") },
  { label: t("columns.reached"), numeric: true },
  { label: t("columns.advanced"), numeric: true },
  { label: t("columns.appointed"), numeric: true },
  { label: t("columns.converted"), numeric: true },
];

type Figures = Pick<DecisionInsights["deciders"][number], "decisions" | "overrides" | "overrideRate" | "medianHoursToDecision">;

/** "2.5 h" under two days, "3.2 days" beyond. */
function formatHours(t: T, format: Format, hours: number | null): string {
  if (hours === null) return "–";
  return hours < 48 ? t("hours", { hours: format.number(hours, "oneDecimal") }) : t("days", { days: format.number(hours / 24, "oneDecimal") });
}

const rate = (format: Format, value: number | null) => (value === null ? "–" : format.number(value, "percent"));
const percent = (format: Format, part: number, whole: number) => rate(format, whole === 0 ? null : part / whole);

function FigureCells({ figures, t, format }: { figures: Figures; t: T; format: Format }) {
  return (
    <>
      <td className="py-1.5 pr-3 text-right tabular-nums">{figures.decisions}</td>
      <td className="py-1.5 pr-3 text-right tabular-nums">{figures.overrides}</td>
      <td className="py-1.5 pr-3 text-right tabular-nums">{rate(format, figures.overrideRate)}</td>
      <td className="py-1.5 pr-3 text-right tabular-nums">{formatHours(t, format, figures.medianHoursToDecision)}</td>
    </>
  );
}

export default async function DecisionInsightsPage() {
  const [{ api, allowed, role }, t, format] = await Promise.all([pageAccess("insights:read"), getTranslations("decisions"), getFormatter()]);
  if (!allowed) {
    return (
      <NotForYourRole title={t("title")}>
        {t.rich("notForRole", {
          link: (chunks) => (
            <Link href="/insights/calibration" className="text-brand-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </NotForYourRole>
    );
  }
  const insights = await api.insights.decisions();
  const status = (value: string) => (["OPEN", "ON_HOLD", "FILLED", "CLOSED"].includes(value) ? t(`vacancyStatus.${value as "OPEN"}`) : value);
  const closed = insights.vacancies.filter((v) => v.conversion !== null);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={`${t("description")} ${role === "HIRING_MANAGER" ? t("yourVacancies") : t("everyVacancy")}`}
        actions={<PrintButton />}
      />

      <section aria-labelledby="deciders-heading" className="card mt-6">
        <h2 id="deciders-heading" className="text-lg font-semibold">
          {t("deciders.heading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("deciders.intro")}</p>
        {insights.deciders.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("deciders.none")}</p>
        ) : (
          <StatTable
            label={t("deciders.label")}
            caption={t("deciders.caption")}
            columns={[{ label: t("columns.decidedBy") }, ...figureColumns(t)]}
            testId="deciders-table"
          >
            {insights.deciders.map((d) => (
              <tr key={d.userId ?? "former"} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-semibold">
                  {d.name}
                </th>
                <FigureCells figures={d} t={t} format={format} />
              </tr>
            ))}
          </StatTable>
        )}
      </section>

      <section aria-labelledby="vacancies-heading" className="card mt-4">
        <h2 id="vacancies-heading" className="text-lg font-semibold">
          {t("vacancies.heading")}
        </h2>
        {insights.vacancies.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("vacancies.none")}</p>
        ) : (
          <StatTable
            label={t("vacancies.label")}
            caption={t("vacancies.caption")}
            columns={[{ label: t("columns.vacancy") }, ...figureColumns(t)]}
            testId="vacancies-table"
          >
            {insights.vacancies.map((v) => (
              <tr key={v.vacancyId} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  <span className="font-semibold">{v.title}</span>
                  <span className="block text-xs text-slate-600">
                    {status(v.status)}
                    {v.managers.length ? ` · ${v.managers.join(", ")}` : ""}
                  </span>
                </th>
                <FigureCells figures={v} t={t} format={format} />
              </tr>
            ))}
          </StatTable>
        )}
      </section>

      <section aria-labelledby="conversion-heading" className="card mt-4">
        <h2 id="conversion-heading" className="text-lg font-semibold">
          {t("conversion.heading")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t("conversion.intro")}</p>
        {closed.length === 0 ? (
          <p className="mt-3 text-slate-700">{t("conversion.none")}</p>
        ) : (
          closed.map((v) => (
            <div key={v.vacancyId} className="mt-4">
              <h3 className="font-semibold">
                {v.title} <span className="font-normal text-slate-700">· {status(v.status)}</span>
              </h3>
              {(v.conversion ?? []).length === 0 ? (
                <p className="mt-1 text-slate-700">{t("conversion.noPlan")}</p>
              ) : (
                <StatTable
                  label={t("conversion.label", { vacancy: v.title })}
                  caption={t("conversion.caption", { vacancy: v.title })}
                  columns={conversionColumns(t)}
                  className="mt-1"
                >
                  {(v.conversion ?? []).map((s) => (
                    <tr key={s.stageId} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-1.5 pr-3 font-normal">
                        {s.name}
                      </th>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{s.reached}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{s.advanced}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">{s.appointed}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {percent(format, s.advanced + s.appointed, s.reached)}
                        <span className="sr-only"> ({t("conversion.candidates", { count: s.advanced + s.appointed })})</span>
                      </td>
                    </tr>
                  ))}
                </StatTable>
              )}
            </div>
          ))
        )}
      </section>
    </>
  );
}
