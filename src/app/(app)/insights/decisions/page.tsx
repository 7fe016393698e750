import type { Metadata } from "next";
import Link from "next/link";
import { pageAccess } from "@/trpc/server";
import { NotForYourRole, PageHeader } from "@/components/ui/page-header";
import { plural, type DecisionInsights } from "../_components/insights-format";
import { PrintButton } from "../_components/print-button";
import { StatTable, type StatColumn } from "../_components/stat-table";

export const metadata: Metadata = { title: "Decisions" };

const VACANCY_STATUS_WORDS: Record<string, string> = { OPEN: "Open", ON_HOLD: "On hold", FILLED: "Filled", CLOSED: "Closed" };

const FIGURE_COLUMNS: StatColumn[] = [
  { label: "Decisions", numeric: true },
  { label: "Overrides of the formula", numeric: true },
  { label: "Override rate", numeric: true },
  { label: "Median time from last scorecard to decision", numeric: true },
];

const CONVERSION_COLUMNS: StatColumn[] = [
  { label: "Stage" },
  { label: "Candidates who reached it", numeric: true },
  { label: "Advanced", numeric: true },
  { label: "Appointed", numeric: true },
  { label: "Advanced or appointed, of those who reached it", numeric: true },
];

type Figures = Pick<DecisionInsights["deciders"][number], "decisions" | "overrides" | "overrideRate" | "medianHoursToDecision">;

/** "2.5 h" under two days, "3.2 days" beyond. */
function formatHours(hours: number | null): string {
  if (hours === null) return "–";
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`);

function FigureCells({ figures }: { figures: Figures }) {
  return (
    <>
      <td className="py-1.5 pr-3 text-right tabular-nums">{figures.decisions}</td>
      <td className="py-1.5 pr-3 text-right tabular-nums">{figures.overrides}</td>
      <td className="py-1.5 pr-3 text-right tabular-nums">
        {figures.overrideRate === null ? "–" : `${Math.round(figures.overrideRate * 100)}%`}
      </td>
      <td className="py-1.5 pr-3 text-right tabular-nums">{formatHours(figures.medianHoursToDecision)}</td>
    </>
  );
}

export default async function DecisionInsightsPage() {
  const { api, allowed, role } = await pageAccess("insights:read");
  if (!allowed) {
    return (
      <NotForYourRole title="Decisions">
        Decision figures are for hiring managers, HR and admins. Your own rating habits are on the{" "}
        <Link href="/insights/calibration" className="text-brand-700 underline">
          calibration page
        </Link>
        .
      </NotForYourRole>
    );
  }
  const insights = await api.insights.decisions();
  const closed = insights.vacancies.filter((v) => v.conversion !== null);
  return (
    <>
      <PageHeader
        title="Decisions"
        description={
          <>
            How often hiring decisions depart from the formula (the mechanical order of weighted scores), and how long they take
            after the stage&apos;s last scorecard. {role === "HIRING_MANAGER" ? "The vacancies you manage." : "Every vacancy."}
          </>
        }
        actions={<PrintButton />}
      />

      <section aria-labelledby="deciders-heading" className="card mt-6">
        <h2 id="deciders-heading" className="text-lg font-semibold">
          By who decided
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          An override is a decision that inverts the mechanical order against another decided candidate at the same stage, or
          rejects the top-ranked one; it is recorded with its justification.
        </p>
        {insights.deciders.length === 0 ? (
          <p className="mt-3 text-slate-700">No decisions recorded yet.</p>
        ) : (
          <StatTable
            label="Decisions by who decided (scrolls sideways)"
            caption="Per member who recorded decisions: decisions, overrides, override rate and median time to decision"
            columns={[{ label: "Decided by" }, ...FIGURE_COLUMNS]}
            testId="deciders-table"
          >
            {insights.deciders.map((d) => (
              <tr key={d.userId ?? "former"} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-semibold">
                  {d.name}
                </th>
                <FigureCells figures={d} />
              </tr>
            ))}
          </StatTable>
        )}
      </section>

      <section aria-labelledby="vacancies-heading" className="card mt-4">
        <h2 id="vacancies-heading" className="text-lg font-semibold">
          By vacancy
        </h2>
        {insights.vacancies.length === 0 ? (
          <p className="mt-3 text-slate-700">No vacancies yet.</p>
        ) : (
          <StatTable
            label="Decisions by vacancy (scrolls sideways)"
            caption="Per vacancy: its status and hiring managers, decisions, overrides, override rate and median time to decision"
            columns={[{ label: "Vacancy" }, ...FIGURE_COLUMNS]}
            testId="vacancies-table"
          >
            {insights.vacancies.map((v) => (
              <tr key={v.vacancyId} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-1.5 pr-3 font-normal">
                  <span className="font-semibold">{v.title}</span>
                  <span className="block text-xs text-slate-600">
                    {VACANCY_STATUS_WORDS[v.status] ?? v.status}
                    {v.managers.length ? ` · ${v.managers.join(", ")}` : ""}
                  </span>
                </th>
                <FigureCells figures={v} />
              </tr>
            ))}
          </StatTable>
        )}
      </section>

      <section aria-labelledby="conversion-heading" className="card mt-4">
        <h2 id="conversion-heading" className="text-lg font-semibold">
          Pipeline conversion of closed and filled vacancies
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Stage by stage: the candidates who reached the stage, those advanced from it to a later stage and those appointed at it.
        </p>
        {closed.length === 0 ? (
          <p className="mt-3 text-slate-700">No vacancy is closed or filled yet.</p>
        ) : (
          closed.map((v) => (
            <div key={v.vacancyId} className="mt-4">
              <h3 className="font-semibold">
                {v.title} <span className="font-normal text-slate-700">· {VACANCY_STATUS_WORDS[v.status] ?? v.status}</span>
              </h3>
              {(v.conversion ?? []).length === 0 ? (
                <p className="mt-1 text-slate-700">This vacancy has no interview plan.</p>
              ) : (
                <StatTable
                  label={`Pipeline of ${v.title} (scrolls sideways)`}
                  caption={`Candidates of ${v.title} who reached, were advanced from and were appointed at each stage`}
                  columns={CONVERSION_COLUMNS}
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
                        {percent(s.advanced + s.appointed, s.reached)}
                        <span className="sr-only"> ({plural(s.advanced + s.appointed, "candidate")})</span>
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
