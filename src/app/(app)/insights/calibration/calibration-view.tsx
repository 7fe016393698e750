"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";
import { endOfDay, startOfDay, type Calibration } from "../_components/insights-format";
import { PrintButton } from "../_components/print-button";
import { WithheldNote } from "@/components/withheld-note";
import { ErrorAlert } from "@/components/ui/alert";
import { FilterBar, FilterDate, FilterSelect } from "../_components/filter-bar";
import { StatTable, type StatColumn } from "../_components/stat-table";
import { alphaText, intervalText } from "./calibration-words";
import { DriftCell, DriftCheckButton, IntervalFigures, OverallInterval, PracticeCell } from "./training-cells";
import { useCalibrationFigures } from "./use-calibration-figures";

type Panelist = Calibration["panelists"][number];

/** The readings the service gives (messages: calibration.readings.<reading>). */
const READINGS = new Set(["reliable", "tentative", "unreliable", "not enough data"]);

const READING_STYLES: Record<string, string> = {
  reliable: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  tentative: "bg-amber-50 text-amber-950 ring-amber-200",
  unreliable: "bg-red-50 text-red-900 ring-red-200",
};

const DISTRIBUTION = [
  { key: "1", label: "1", colour: "bg-red-600" },
  { key: "2", label: "2", colour: "bg-orange-400" },
  { key: "3", label: "3", colour: "bg-teal-500" },
  { key: "4", label: "4", colour: "bg-teal-800" },
  { key: "notAssessed", label: null, colour: "bg-slate-300" },
] as const;

/** Column keys (messages: calibration.columns.<key>) and which are numbers. */
const ALPHA_COLUMNS = [["competency"], ["alpha", true], ["interval"], ["reading"], ["ratings", true]] as const;
const PANELIST_COLUMNS = [
  ["panelist"],
  ["scorecards", true],
  ["meanRating", true],
  ["leniency"],
  ["practice"],
  ["drift"],
  ["ratingsGiven"],
  ["medianTime", true],
  ["after24h", true],
] as const;

type Translate = ReturnType<typeof useTranslations>;
const columnsOf = (t: Translate, columns: ReadonlyArray<readonly [string, boolean?]>): StatColumn[] =>
  columns.map(([key, numeric]) => ({ key, label: t(`columns.${key}`), numeric }));

export function CalibrationView({ seesEveryone, managesTraining = false }: { seesEveryone: boolean; managesTraining?: boolean }) {
  const t = useTranslations("calibration");
  const figures = useCalibrationFigures();
  const trpc = useTRPC();
  const { params, update } = useUrlFilters();
  const scriptId = params.get("scriptId") ?? "";
  const vacancy = params.get("vacancy") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";

  // Scripts are readable by everyone, so interviewers can filter their own figures too; the vacancies to
  // filter by are those of the candidates one may compare (roles with insights).
  const scripts = useQuery(trpc.scripts.list.queryOptions({}));
  const scopes = useQuery({ ...trpc.insights.scopes.queryOptions(), enabled: seesEveryone });
  const calibration = useQuery({
    ...trpc.insights.calibration.queryOptions({
      scriptId: scriptId || undefined,
      vacancyId: vacancy || undefined,
      from: startOfDay(from),
      to: endOfDay(to),
    }),
    placeholderData: keepPreviousData,
  });
  const data = calibration.data;

  return (
    <div className="mt-6 space-y-4">
      <FilterBar label={t("filters")} columns="sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect
          id="calibration-script"
          name="scriptId"
          label={t("script")}
          all={t("allScripts")}
          value={scriptId}
          options={scripts.data?.map((s) => ({ value: s.id, label: t("scriptOption", { title: s.title, role: s.role }) }))}
          onChange={(value) => update({ scriptId: value })}
        />
        {seesEveryone && (
          <FilterSelect
            id="calibration-vacancy"
            name="vacancy"
            label={t("vacancy")}
            all={t("allVacancies")}
            value={vacancy}
            options={scopes.data?.vacancies.map((v) => ({ value: v.id, label: v.title }))}
            onChange={(value) => update({ vacancy: value })}
          />
        )}
        <FilterDate id="calibration-from" name="from" label={t("from")} value={from} onChange={(value) => update({ from: value })} />
        <FilterDate id="calibration-to" name="to" label={t("to")} value={to} onChange={(value) => update({ to: value })} />
      </FilterBar>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" role="status" aria-live="polite">
          {calibration.isPending
            ? t("loading")
            : data
              ? t("fromScorecards", { count: data.panelists.reduce((sum, p) => sum + p.scorecards, 0) })
              : ""}
        </p>
        <PrintButton />
      </div>
      <ErrorAlert error={calibration.error} />

      <WithheldNote withheld={data?.withheld} />
      {data && (
        <>
          <section aria-labelledby="agreement-heading" className="card">
            <h2 id="agreement-heading" className="text-lg font-semibold">
              {t("agreementHeading")}
            </h2>
            <div className="mt-2 flex flex-wrap items-baseline gap-x-4 gap-y-1" data-testid="overall-alpha">
              <p>
                <span className="text-sm text-slate-700">{t("overallAlpha")}</span>
                <span className="text-2xl font-semibold tabular-nums">{figures.mean(data.overall.alpha, 2)}</span>
              </p>
              <Reading reading={data.overall.reading} />
              <p className="basis-full text-sm text-slate-800">
                {alphaText(t, data.overall)}{" "}
                <span className="text-slate-600">{t("pairable", { count: data.overall.pairableValues })}</span>
              </p>
              <OverallInterval interval={data.overall.interval} />
            </div>
            <AlphaExplanation />
            {seesEveryone && data.competencies.length > 0 && (
              <StatTable
                className="mt-4"
                label={t("alphaRegion")}
                caption={t("alphaCaption")}
                columns={columnsOf(t, ALPHA_COLUMNS)}
                testId="alpha-table"
              >
                {data.competencies.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1.5 pr-3 font-normal">{c.name}</th>
                    <td className="py-1.5 pr-3 text-right font-semibold tabular-nums">{figures.mean(c.alpha, 2)}</td>
                    <td className="py-1.5 pr-3">
                      <IntervalFigures interval={c.interval} />
                    </td>
                    <td className="py-1.5 pr-3">
                      <Reading reading={c.reading} />
                      <span className="mt-0.5 block max-w-md text-xs text-slate-700">{alphaText(t, c)}</span>
                      <span className="mt-0.5 block max-w-md text-xs text-slate-700">{intervalText(t, c.interval, figures)}</span>
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">
                      {c.ratings}
                      <span className="block text-xs text-slate-600">{t("pairableCount", { count: c.pairableValues })}</span>
                    </td>
                  </tr>
                ))}
              </StatTable>
            )}
          </section>

          <section aria-labelledby="panelists-heading" className="card">
            <h2 id="panelists-heading" className="text-lg font-semibold">
              {seesEveryone ? t("panelists") : t("yourRatings")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              {t("panelistsIntro")}
            </p>
            {managesTraining && <DriftCheckButton />}
            {data.panelists.length === 0 ? (
              <p className="mt-3 text-slate-700">{t("noScorecards")}</p>
            ) : (
              <StatTable
                label={t("panelistsRegion")}
                caption={t("panelistsCaption")}
                columns={columnsOf(t, PANELIST_COLUMNS)}
                testId="panelists-table"
              >
                {data.panelists.map((p) => (
                  <PanelistRow key={p.userId} panelist={p} />
                ))}
              </StatTable>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function PanelistRow({ panelist: p }: { panelist: Panelist }) {
  const t = useTranslations("calibration");
  const figures = useCalibrationFigures();
  return (
    <tr className="border-b border-slate-100 align-top">
      <th scope="row" className="py-2 pr-3 font-semibold">{p.name}</th>
      <td className="py-2 pr-3 text-right tabular-nums">{p.scorecards}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{figures.mean(p.meanRating, 2)}</td>
      <td className="py-2 pr-3">
        <Leniency offset={p.leniencyOffset} comparisons={p.offsetComparisons} />
      </td>
      <td className="py-2 pr-3">
        <PracticeCell training={p.training} />
      </td>
      <td className="py-2 pr-3">
        <DriftCell training={p.training} />
      </td>
      <td className="py-2 pr-3">
        <Distribution distribution={p.distribution} />
      </td>
      <td className="py-2 pr-3 text-right tabular-nums">{p.medianHoursToSubmit == null ? "–" : t("hours", { hours: figures.mean(p.medianHoursToSubmit, 1) })}</td>
      <td className="py-2 pr-3 text-right tabular-nums">
        {t("ofScorecards", { late: p.submittedAfter24h, total: p.scorecards })}
      </td>
    </tr>
  );
}

function Leniency({ offset, comparisons }: { offset: number | null; comparisons: number }) {
  const t = useTranslations("calibration");
  const figures = useCalibrationFigures();
  if (offset == null) {
    return <span className="text-slate-700">{t("notEnoughOverlap")}</span>;
  }
  const rounded = Math.round(offset * 100) / 100;
  const words = rounded > 0 ? t("moreLenient") : rounded < 0 ? t("stricter") : t("inLine");
  return (
    <>
      <span className="font-semibold tabular-nums">{figures.signed(offset)}</span> {words}
      <span className="block text-xs text-slate-600">{t("comparisons", { count: comparisons })}</span>
    </>
  );
}

function Distribution({ distribution }: { distribution: Panelist["distribution"] }) {
  const t = useTranslations("calibration");
  const counts = DISTRIBUTION.map((d) => ({ ...d, count: distribution[d.key] ?? 0 }));
  const total = counts.reduce((sum, d) => sum + d.count, 0);
  return (
    <div className="w-56">
      {total > 0 && (
        <div className="flex h-3 overflow-hidden rounded-sm bg-slate-100 print:hidden" aria-hidden="true">
          {counts.map((d) =>
            d.count > 0 ? <div key={d.key} className={d.colour} style={{ width: `${(d.count / total) * 100}%` }} /> : null,
          )}
        </div>
      )}
      <p className="mt-1 text-xs text-slate-700 tabular-nums">
        {counts.map((d, i) => (
          <span key={d.key}>
            {i > 0 ? " · " : ""}
            {t("distributionItem", { label: d.label ?? t("notAssessedShort"), count: d.count })}
          </span>
        ))}
      </p>
    </div>
  );
}

function Reading({ reading }: { reading: string }) {
  const t = useTranslations("calibration");
  return (
    <span className={`chip ${READING_STYLES[reading] ?? "bg-slate-100 text-slate-800 ring-slate-200"}`}>
      {READINGS.has(reading) ? t(`readings.${reading}`) : reading}
    </span>
  );
}

function AlphaExplanation() {
  const t = useTranslations("calibration");
  return (
    <details className="mt-3 text-sm text-slate-800" open>
      <summary className="cursor-pointer font-medium">{t("howToRead")}</summary>
      <p className="mt-1 max-w-3xl">{t.rich("explanation", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
    </details>
  );
}
