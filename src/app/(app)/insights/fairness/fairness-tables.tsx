// The fairness report's tables for one category: per stage, appointment from shortlisting, and ratings per
// competency and per question. Suppressed cells read "fewer than N"; names and readings are worded from the
// report's facts (keys, stages, figures) in the reader's language.
import { getTranslations } from "next-intl/server";
import type { FairnessCategory, FairnessReport } from "@/lib/schemas/fairness-report";
import { StatTable } from "../_components/stat-table";
import { flagReading, stageName } from "@/server/services/monitoring/_shared/fairness-readings";
import { countText, dash, fixed, pText, rateText, readerWords } from "./fairness-format";

const cell = "py-1.5 pr-3 text-right tabular-nums";

async function GroupHeader({ label, compared }: { label: string; compared: boolean }) {
  const t = await getTranslations("fairness");
  return (
    <th scope="row" className="py-1.5 pr-3 font-normal">
      {label}
      {!compared && <span className="block text-xs text-slate-600">{t("countedNotCompared")}</span>}
    </th>
  );
}

async function Flag({ on, text }: { on: boolean; text: string }) {
  const t = await getTranslations("fairness");
  return on ? <span className="chip bg-amber-50 text-amber-900 ring-amber-200">{text}</span> : <span className="sr-only">{t("noFlag")}</span>;
}

export async function StageTables({ category, hiddenText }: { category: FairnessCategory; hiddenText: string }) {
  const [t, w] = await Promise.all([getTranslations("fairness"), readerWords()]);
  const categoryName = w.category(category.key);
  return (
    <>
      {category.stages.map((stage) => (
        <div key={stage.key} className="mt-4">
          <h4 className="font-semibold">
            {stageName(stage.stage, w)}{" "}
            <span className="font-normal text-slate-700">{t("stageSummary", { candidates: stage.candidates, decisions: stage.decisions })}</span>
          </h4>
          <StatTable
            label={t("stageRegion", { category: categoryName, stage: stageName(stage.stage, w) })}
            caption={t("stageCaption", { category: categoryName, stage: stageName(stage.stage, w) })}
            columns={[
              { label: t("columns.group") },
              { label: t("columns.candidates"), numeric: true },
              { label: t("columns.decided"), numeric: true },
              { label: t("columns.selected"), numeric: true },
              { label: t("columns.selectionRate"), numeric: true },
              { label: t("columns.impactRatio"), numeric: true },
              { label: t("columns.fisher"), numeric: true },
              { label: t("columns.flag") },
            ]}
            className="mt-1"
          >
            {stage.groups.map((g) => {
              const selectionHidden = g.decisionsSuppressed || (g.selected === null && (g.decisions ?? 0) > 0);
              return (
                <tr key={g.key} className="border-b border-slate-100 align-top">
                  <GroupHeader label={w.group(category.key, g.key)} compared={g.compared} />
                  <td className={cell}>{countText(g.candidates, g.suppressed, hiddenText, w)}</td>
                  <td className={cell}>{countText(g.decisions, g.decisionsSuppressed, hiddenText, w)}</td>
                  <td className={cell}>{countText(g.selected, selectionHidden, hiddenText, w)}</td>
                  <td className={cell}>{rateText(g.rate, selectionHidden, hiddenText, w)}</td>
                  <td className={cell}>{fixed(g.impactRatio, w)}</td>
                  <td className={cell}>{pText(g.fisherP, w)}</td>
                  <td className="py-1.5 pr-3">
                    <Flag on={g.fourFifthsFlag} text={t("underFourFifths")} />
                  </td>
                </tr>
              );
            })}
          </StatTable>
        </div>
      ))}
    </>
  );
}

export async function AppointmentTable({ category, hiddenText }: { category: FairnessCategory; hiddenText: string }) {
  const [t, w] = await Promise.all([getTranslations("fairness"), readerWords()]);
  const referenceKey = category.appointment.referenceGroupKey;
  const categoryName = w.category(category.key);
  return (
    <>
      <p className="mt-1 text-sm text-slate-700">
        {referenceKey ? t("appointmentIntroReference", { reference: w.group(category.key, referenceKey) }) : t("appointmentIntro")}
      </p>
      <StatTable
        label={t("appointmentRegion", { category: categoryName })}
        caption={t("appointmentCaption", { category: categoryName })}
        columns={[
          { label: t("columns.group") },
          { label: t("columns.shortlisted"), numeric: true },
          { label: t("columns.appointed"), numeric: true },
          { label: t("columns.appointmentRate"), numeric: true },
          { label: t("columns.relativeLikelihood"), numeric: true },
        ]}
        className="mt-1"
      >
        {category.appointment.groups.map((g) => (
          <tr key={g.key} className="border-b border-slate-100 align-top">
            <GroupHeader label={w.group(category.key, g.key)} compared={g.compared} />
            <td className={cell}>{countText(g.shortlisted, g.suppressed, hiddenText, w)}</td>
            <td className={cell}>{countText(g.appointed, g.appointed === null, hiddenText, w)}</td>
            <td className={cell}>{rateText(g.rate, g.rate === null, hiddenText, w)}</td>
            <td className={cell}>{g.key === referenceKey ? t("reference") : fixed(g.relativeLikelihood, w)}</td>
          </tr>
        ))}
      </StatTable>
    </>
  );
}

export async function ScoreTable({
  category,
  what,
  hiddenText,
}: {
  category: FairnessCategory;
  what: "competencies" | "questions";
  hiddenText: string;
}) {
  const [t, w] = await Promise.all([getTranslations("fairness"), readerWords()]);
  const sections = category[what];
  if (sections.length === 0) return <p className="mt-1 text-slate-700">{t("noRatings")}</p>;
  const categoryName = w.category(category.key);
  return (
    <StatTable
      label={t("scoreRegion", { category: categoryName, what })}
      caption={t("scoreCaption", { category: categoryName, what })}
      columns={[
        { label: what === "competencies" ? t("columns.competency") : t("columns.question") },
        { label: t("columns.group") },
        { label: t("columns.candidates"), numeric: true },
        { label: t("columns.meanRating"), numeric: true },
        { label: t("columns.hedges"), numeric: true },
        { label: t("columns.flag") },
      ]}
      className="mt-1"
    >
      {sections.flatMap((s) =>
        s.groups.map((g, i) => (
          <tr key={`${s.key}-${g.key}`} className={`align-top ${i === s.groups.length - 1 ? "border-b border-slate-300" : "border-b border-slate-100"}`}>
            <th scope="row" className="max-w-xs py-1.5 pr-3 font-normal whitespace-normal">
              {i === 0 ? s.label : <span className="sr-only">{s.label}</span>}
            </th>
            <td className="py-1.5 pr-3">{w.group(category.key, g.key)}</td>
            <td className={cell}>{countText(g.n, g.suppressed, hiddenText, w)}</td>
            <td className={cell}>{g.suppressed ? hiddenText : fixed(g.mean, w)}</td>
            <td className={cell}>{g.g === null ? dash : t("gWithCi", { g: fixed(g.g, w), low: fixed(g.ciLow, w), high: fixed(g.ciHigh, w) })}</td>
            <td className="py-1.5 pr-3">
              <Flag on={g.flagged} text={t("ratedDifferently")} />
            </td>
          </tr>
        )),
      )}
    </StatTable>
  );
}

export async function FlagReadings({ report }: { report: FairnessReport }) {
  const [t, w] = await Promise.all([getTranslations("fairness"), readerWords()]);
  if (report.flags.length === 0) {
    return <p className="mt-2 text-slate-700">{t("noFlags")}</p>;
  }
  return (
    <ul className="mt-2 space-y-3" data-testid="fairness-flags">
      {report.flags.map((flag, i) => {
        const reading = flagReading(flag.facts, w);
        return (
          <li key={i} className="rounded-md border border-amber-200 bg-amber-50 p-3">
            <h3 className="font-semibold text-amber-950">{reading.headline}</h3>
            <dl className="mt-1 space-y-1 text-sm text-slate-800">
              <div>
                <dt className="inline font-semibold">{t("means")}</dt>
                <dd className="inline">{reading.means}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">{t("doesNotProve")}</dt>
                <dd className="inline">{reading.doesNotProve}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">{t("lookAt")}</dt>
                <dd className="inline">{reading.lookAt}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
