// The fairness report's tables for one category: per stage, appointment from shortlisting, and ratings per
// competency and per question. Suppressed cells read "fewer than N".
import type { FairnessCategory, FairnessReport } from "@/lib/schemas/fairness-report";
import { StatTable } from "../_components/stat-table";
import { countText, dash, fixed, pText, rateText } from "./fairness-format";

const cell = "py-1.5 pr-3 text-right tabular-nums";

function GroupHeader({ label, compared }: { label: string; compared: boolean }) {
  return (
    <th scope="row" className="py-1.5 pr-3 font-normal">
      {label}
      {!compared && <span className="block text-xs text-slate-600">counted, not compared</span>}
    </th>
  );
}

function Flag({ on, text }: { on: boolean; text: string }) {
  return on ? <span className="chip bg-amber-50 text-amber-900 ring-amber-200">{text}</span> : <span className="sr-only">no flag</span>;
}

export function StageTables({ category, hiddenText }: { category: FairnessCategory; hiddenText: string }) {
  return (
    <>
      {category.stages.map((stage) => (
        <div key={stage.key} className="mt-4">
          <h4 className="font-semibold">
            {stage.label} <span className="font-normal text-slate-700">· {stage.candidates} candidates, {stage.decisions} decided</span>
          </h4>
          <StatTable
            label={`${category.label} at ${stage.label} (scrolls sideways)`}
            caption={`${category.label} at ${stage.label}: candidates, decisions, selection rate, impact ratio and Fisher's p per group`}
            columns={[
              { label: "Group" },
              { label: "Candidates", numeric: true },
              { label: "Decided", numeric: true },
              { label: "Selected", numeric: true },
              { label: "Selection rate", numeric: true },
              { label: "Impact ratio", numeric: true },
              { label: "Fisher's p (vs everyone else)", numeric: true },
              { label: "Flag" },
            ]}
            className="mt-1"
          >
            {stage.groups.map((g) => {
              const selectionHidden = g.decisionsSuppressed || (g.selected === null && (g.decisions ?? 0) > 0);
              return (
                <tr key={g.key} className="border-b border-slate-100 align-top">
                  <GroupHeader label={g.label} compared={g.compared} />
                  <td className={cell}>{countText(g.candidates, g.suppressed, hiddenText)}</td>
                  <td className={cell}>{countText(g.decisions, g.decisionsSuppressed, hiddenText)}</td>
                  <td className={cell}>{countText(g.selected, selectionHidden, hiddenText)}</td>
                  <td className={cell}>{rateText(g.rate, selectionHidden, hiddenText)}</td>
                  <td className={cell}>{fixed(g.impactRatio)}</td>
                  <td className={cell}>{pText(g.fisherP)}</td>
                  <td className="py-1.5 pr-3">
                    <Flag on={g.fourFifthsFlag} text="Under four fifths" />
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

export function AppointmentTable({ category, hiddenText }: { category: FairnessCategory; hiddenText: string }) {
  const reference = category.appointment.referenceGroup;
  return (
    <>
      <p className="mt-1 text-sm text-slate-700">
        Relative likelihood (the NHS Workforce Race Equality Standard&apos;s figure): the appointment rate of the reference group
        {reference ? ` (${reference}, the largest group shown)` : ""} divided by this group&apos;s. Above 1: shortlisted candidates of
        this group were less likely to be appointed than the reference group&apos;s; 1: as likely.
      </p>
      <StatTable
        label={`${category.label}: appointed from shortlisted (scrolls sideways)`}
        caption={`${category.label}: shortlisted, appointed, appointment rate and relative likelihood per group`}
        columns={[
          { label: "Group" },
          { label: "Shortlisted", numeric: true },
          { label: "Appointed", numeric: true },
          { label: "Appointment rate", numeric: true },
          { label: "Relative likelihood", numeric: true },
        ]}
        className="mt-1"
      >
        {category.appointment.groups.map((g) => (
          <tr key={g.key} className="border-b border-slate-100 align-top">
            <GroupHeader label={g.label} compared={g.compared} />
            <td className={cell}>{countText(g.shortlisted, g.suppressed, hiddenText)}</td>
            <td className={cell}>{countText(g.appointed, g.appointed === null, hiddenText)}</td>
            <td className={cell}>{rateText(g.rate, g.rate === null, hiddenText)}</td>
            <td className={cell}>{g.label === reference ? "reference" : fixed(g.relativeLikelihood)}</td>
          </tr>
        ))}
      </StatTable>
    </>
  );
}

export function ScoreTable({
  category,
  what,
  hiddenText,
}: {
  category: FairnessCategory;
  what: "competencies" | "questions";
  hiddenText: string;
}) {
  const sections = category[what];
  if (sections.length === 0) return <p className="mt-1 text-slate-700">No submitted ratings in this selection.</p>;
  const name = what === "competencies" ? "Competency" : "Question";
  return (
    <StatTable
      label={`${category.label}: ratings per ${name.toLowerCase()} (scrolls sideways)`}
      caption={`${category.label}: mean rating per group for each ${name.toLowerCase()}, and Hedges' g against everyone else with its 95% confidence interval`}
      columns={[
        { label: name },
        { label: "Group" },
        { label: "Candidates", numeric: true },
        { label: "Mean rating", numeric: true },
        { label: "Hedges' g (95% CI)", numeric: true },
        { label: "Flag" },
      ]}
      className="mt-1"
    >
      {sections.flatMap((s) =>
        s.groups.map((g, i) => (
          <tr key={`${s.key}-${g.key}`} className={`align-top ${i === s.groups.length - 1 ? "border-b border-slate-300" : "border-b border-slate-100"}`}>
            <th scope="row" className="max-w-xs py-1.5 pr-3 font-normal whitespace-normal">
              {i === 0 ? s.label : <span className="sr-only">{s.label}</span>}
            </th>
            <td className="py-1.5 pr-3">{g.label}</td>
            <td className={cell}>{countText(g.n, g.suppressed, hiddenText)}</td>
            <td className={cell}>{g.suppressed ? hiddenText : fixed(g.mean)}</td>
            <td className={cell}>{g.g === null ? dash : `${fixed(g.g)} (${fixed(g.ciLow)} to ${fixed(g.ciHigh)})`}</td>
            <td className="py-1.5 pr-3">
              <Flag on={g.flagged} text="Rated differently" />
            </td>
          </tr>
        )),
      )}
    </StatTable>
  );
}

export function FlagReadings({ report }: { report: FairnessReport }) {
  if (report.flags.length === 0) {
    return <p className="mt-2 text-slate-700">No flags in this selection. That is not proof that the process is fair: small groups are hidden and small differences pass unflagged.</p>;
  }
  return (
    <ul className="mt-2 space-y-3" data-testid="fairness-flags">
      {report.flags.map((flag, i) => (
        <li key={i} className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <h3 className="font-semibold text-amber-950">{flag.headline}</h3>
          <dl className="mt-1 space-y-1 text-sm text-slate-800">
            <div>
              <dt className="inline font-semibold">What it means: </dt>
              <dd className="inline">{flag.means}</dd>
            </div>
            <div>
              <dt className="inline font-semibold">What it does not prove: </dt>
              <dd className="inline">{flag.doesNotProve}</dd>
            </div>
            <div>
              <dt className="inline font-semibold">What to look at: </dt>
              <dd className="inline">{flag.lookAt}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
