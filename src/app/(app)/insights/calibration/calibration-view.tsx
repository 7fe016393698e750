"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useUrlFilters } from "@/components/use-url-filters";
import { useTRPC } from "@/trpc/react";
import { endOfDay, formatMean, formatSigned, plural, startOfDay, type Calibration } from "../_components/insights-format";
import { PrintButton } from "../_components/print-button";
import { WithheldNote } from "@/components/withheld-note";
import { ErrorAlert } from "@/components/ui/alert";
import { FilterBar, FilterDate, FilterSelect } from "../_components/filter-bar";
import { StatTable, type StatColumn } from "../_components/stat-table";
import { DriftCell, DriftCheckButton, IntervalFigures, OverallInterval, PracticeCell } from "./training-cells";

type Panelist = Calibration["panelists"][number];

const READING_LABELS: Record<string, string> = {
  reliable: "Reliable",
  tentative: "Tentative",
  unreliable: "Don't rely on it",
  "not enough data": "Not enough data",
};

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
  { key: "notAssessed", label: "n/a", colour: "bg-slate-300" },
] as const;

const ALPHA_COLUMNS: StatColumn[] = [
  { label: "Competency" },
  { label: "Alpha", numeric: true },
  { label: "95% interval" },
  { label: "Reading" },
  { label: "Ratings", numeric: true },
];

const PANELIST_COLUMNS: StatColumn[] = [
  { label: "Panelist" },
  { label: "Scorecards", numeric: true },
  { label: "Mean rating", numeric: true },
  { label: "Leniency" },
  { label: "Practice accuracy" },
  { label: "Drift" },
  { label: "Ratings given" },
  { label: "Median time to submit", numeric: true },
  { label: "Submitted after 24 h", numeric: true },
];

export function CalibrationView({ seesEveryone, managesTraining = false }: { seesEveryone: boolean; managesTraining?: boolean }) {
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
      <FilterBar label="Filter calibration" columns="sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect
          id="calibration-script"
          name="scriptId"
          label="Interview script"
          all="All scripts"
          value={scriptId}
          options={scripts.data?.map((s) => ({ value: s.id, label: `${s.title} (${s.role})` }))}
          onChange={(value) => update({ scriptId: value })}
        />
        {seesEveryone && (
          <FilterSelect
            id="calibration-vacancy"
            name="vacancy"
            label="Vacancy"
            all="All vacancies"
            value={vacancy}
            options={scopes.data?.vacancies.map((v) => ({ value: v.id, label: v.title }))}
            onChange={(value) => update({ vacancy: value })}
          />
        )}
        <FilterDate id="calibration-from" name="from" label="Interviewed from" value={from} onChange={(value) => update({ from: value })} />
        <FilterDate id="calibration-to" name="to" label="Interviewed to" value={to} onChange={(value) => update({ to: value })} />
      </FilterBar>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" role="status" aria-live="polite">
          {calibration.isPending ? "Loading calibration…" : data ? `From ${plural(data.panelists.reduce((sum, p) => sum + p.scorecards, 0), "submitted scorecard")}` : ""}
        </p>
        <PrintButton />
      </div>
      <ErrorAlert error={calibration.error} />

      <WithheldNote withheld={data?.withheld} />
      {data && (
        <>
          <section aria-labelledby="agreement-heading" className="card">
            <h2 id="agreement-heading" className="text-lg font-semibold">
              Agreement between panelists
            </h2>
            <div className="mt-2 flex flex-wrap items-baseline gap-x-4 gap-y-1" data-testid="overall-alpha">
              <p>
                <span className="text-sm text-slate-700">Overall Krippendorff&apos;s alpha </span>
                <span className="text-2xl font-semibold tabular-nums">{formatMean(data.overall.alpha, 2)}</span>
              </p>
              <Reading reading={data.overall.reading} />
              <p className="basis-full text-sm text-slate-800">
                {data.overall.text}{" "}
                <span className="text-slate-600">({plural(data.overall.pairableValues, "pairable rating")}.)</span>
              </p>
              <OverallInterval interval={data.overall.interval} />
            </div>
            <AlphaExplanation />
            {seesEveryone && data.competencies.length > 0 && (
              <StatTable
                className="mt-4"
                label="Agreement by competency (scrolls sideways)"
                caption="Krippendorff's alpha per competency, its bootstrap 95% interval, its reading and the ratings behind it"
                columns={ALPHA_COLUMNS}
                testId="alpha-table"
              >
                {data.competencies.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1.5 pr-3 font-normal">{c.name}</th>
                    <td className="py-1.5 pr-3 text-right font-semibold tabular-nums">{formatMean(c.alpha, 2)}</td>
                    <td className="py-1.5 pr-3">
                      <IntervalFigures interval={c.interval} />
                    </td>
                    <td className="py-1.5 pr-3">
                      <Reading reading={c.reading} />
                      <span className="mt-0.5 block max-w-md text-xs text-slate-700">{c.text}</span>
                      <span className="mt-0.5 block max-w-md text-xs text-slate-700">{c.interval.text}</span>
                    </td>
                    <td className="py-1.5 pr-3 text-right tabular-nums">
                      {c.ratings}
                      <span className="block text-xs text-slate-600">{c.pairableValues} pairable</span>
                    </td>
                  </tr>
                ))}
              </StatTable>
            )}
          </section>

          <section aria-labelledby="panelists-heading" className="card">
            <h2 id="panelists-heading" className="text-lg font-semibold">
              {seesEveryone ? "Panelists" : "Your ratings"}
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Leniency compares each rating with the other panelists&apos; ratings of the same candidate, question and competency: +0.42
              means half a point or so more lenient than colleagues on average, −0.31 stricter. The number of comparisons says how much
              it rests on. Practice accuracy is the last practice session&apos;s distance from the reference ratings; drift
              flags ratings here beyond the organisation&apos;s leniency threshold, or on only one or two levels, on enough ratings.
            </p>
            {managesTraining && <DriftCheckButton />}
            {data.panelists.length === 0 ? (
              <p className="mt-3 text-slate-700">No submitted scorecards match these filters.</p>
            ) : (
              <StatTable
                label="Panelists (scrolls sideways)"
                caption="Per panelist: scorecards, mean rating, leniency, practice accuracy, drift, rating distribution and time to submit"
                columns={PANELIST_COLUMNS}
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
  return (
    <tr className="border-b border-slate-100 align-top">
      <th scope="row" className="py-2 pr-3 font-semibold">{p.name}</th>
      <td className="py-2 pr-3 text-right tabular-nums">{p.scorecards}</td>
      <td className="py-2 pr-3 text-right tabular-nums">{formatMean(p.meanRating, 2)}</td>
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
      <td className="py-2 pr-3 text-right tabular-nums">{p.medianHoursToSubmit == null ? "–" : `${p.medianHoursToSubmit.toFixed(1)} h`}</td>
      <td className="py-2 pr-3 text-right tabular-nums">
        {p.submittedAfter24h} of {p.scorecards}
      </td>
    </tr>
  );
}

function Leniency({ offset, comparisons }: { offset: number | null; comparisons: number }) {
  if (offset == null) {
    return <span className="text-slate-700">not enough overlap with colleagues</span>;
  }
  const rounded = Math.round(offset * 100) / 100;
  const words = rounded > 0 ? "more lenient" : rounded < 0 ? "stricter" : "in line with colleagues";
  return (
    <>
      <span className="font-semibold tabular-nums">{formatSigned(offset)}</span> {words}
      <span className="block text-xs text-slate-600">{plural(comparisons, "comparison")}</span>
    </>
  );
}

function Distribution({ distribution }: { distribution: Panelist["distribution"] }) {
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
            {d.label}: {d.count}
          </span>
        ))}
      </p>
    </div>
  );
}

function Reading({ reading }: { reading: string }) {
  return (
    <span className={`chip ${READING_STYLES[reading] ?? "bg-slate-100 text-slate-800 ring-slate-200"}`}>{READING_LABELS[reading] ?? reading}</span>
  );
}

function AlphaExplanation() {
  return (
    <details className="mt-3 text-sm text-slate-800" open>
      <summary className="cursor-pointer font-medium">How to read alpha and leniency</summary>
      <p className="mt-1 max-w-3xl">
        Krippendorff&apos;s alpha measures how far panelists who rated the same answer agree, beyond what chance would give: 1 is
        perfect agreement, 0 is no better than chance. At <strong>0.80 or above</strong> the ratings are reliable; from{" "}
        <strong>0.667 to 0.80</strong> draw only tentative conclusions; <strong>below 0.667</strong> don&apos;t rely on them. It needs
        ratings of the same answer by two or more panelists, so small numbers of ratings make it unstable. A leniency offset shows
        whether a panelist tends to rate higher (more lenient) or lower (stricter) than colleagues on the same answers; a consistent
        offset is worth a calibration conversation, not a correction of anyone&apos;s scores.
      </p>
    </details>
  );
}
