import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { OUTCOME_LABELS, type DebriefOutcome } from "@/lib/debriefs/outcomes";
import { ratingLabel } from "@/lib/rating-scale";
import type { DebriefView } from "@/lib/schemas/debriefs";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { When } from "../../interviews/_components/when";
import { CommentForm } from "../_components/comment-form";
import { CorrectionForm } from "../_components/correction-form";
import { DebriefLive } from "../_components/debrief-live";
import { MechanicalTable, RatingsTable } from "../_components/debrief-tables";
import { DecisionSummary } from "../_components/decision-summary";
import { EntryForm } from "../_components/entry-form";
import { ALPHA_READING_LABELS, figure } from "../_components/format";
import { OutcomeForm } from "../_components/outcome-form";
import { ClientMessages } from "@/i18n/client-messages";
import { CandidateStrands } from "@/components/strands/strand-figures";

export const metadata: Metadata = { title: "Debrief" };

type QueueItem = DebriefView["queue"][number];
const unitLabel = (u: Pick<QueueItem, "number" | "competencyName">) => `Question ${u.number}, ${u.competencyName}`;

export default async function DebriefPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const api = await signedInServerApi();
  const [d, viewer] = await Promise.all([
    api.debriefs.get({ id }).catch((error: unknown) => {
      if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST"].includes(error.code)) notFound();
      throw error;
    }),
    api.org.viewer(),
  ]);
  const role = viewer.organization?.role;
  const readsCandidates = role ? roleHas(role, "candidates:read") : false;
  const open = d.status === "OPEN";
  const chairMayRecord = d.viewer.isChair && open && d.blocked === null;
  const m = d.mechanical;
  // Issue 23: the strands' figures at this stage (the one visibility rule), and for a chair the outcomes that
  // depart from the service-user strand's preferred candidate.
  const strands = await api.strands.candidate({ candidateId: d.candidate.id }).catch(() => ({ stages: [] }));
  const departsIf = strands.stages.find((s) => s.stageId === d.stage.id)?.departsIf ?? [];

  return (
    <div data-testid="debrief" data-status={d.status}>
      <p className="text-sm">
        {readsCandidates ? (
          <Link href={`/candidates/${d.candidate.id}`} className="text-brand-700 underline">
            {d.candidate.name}
          </Link>
        ) : (
          <Link href="/my-interviews" className="text-brand-700 underline">
            My interviews
          </Link>
        )}
      </p>
      <PageHeader
        className="mt-2"
        title={`Debrief: ${d.candidate.name}`}
        description={
          <>
            {d.vacancy.title} · stage {d.stage.position}, {d.stage.name} ·{" "}
            <span className="chip" data-testid="debrief-status">
              {open ? "Open" : "Closed"}
            </span>
          </>
        }
      />
      <p className="mt-1 text-sm text-slate-700">
        Opened <When date={d.openedAt} />
        {d.chair ? ` by ${d.chair.name}` : ""}
        {d.closedAt ? (
          <>
            {" "}· closed <When date={d.closedAt} />
          </>
        ) : null}
      </p>
      <DebriefLive debriefId={d.id} version={d.version} />
      {d.openedEarlyReason && (
        <Alert tone="info" className="mt-3">
          Opened before everyone had submitted: {d.openedEarlyReason}
        </Alert>
      )}
      {d.blocked && (
        <Alert tone="warning" className="mt-3" role="alert">
          {d.blocked}
        </Alert>
      )}
      <p className="mt-3 text-sm text-slate-700" data-testid="debrief-panel">
        Panel:{" "}
        {d.panel.map((p, i) => (
          <span key={p.id}>
            {i > 0 ? ", " : ""}
            {p.name} ({p.submitted ? "submitted" : "not submitted"})
          </span>
        ))}
      </p>

      <section aria-labelledby="mechanical-heading" className="mt-6" data-testid="debrief-mechanical">
        <h2 id="mechanical-heading" className="text-xl font-semibold">
          1. The mechanical result
        </h2>
        <p className="mt-1 text-sm text-slate-700">The formula first: the weighted mean of the panel&apos;s independent ratings. The scorecards themselves never change.</p>
        <dl className="mt-3 grid gap-3 sm:grid-cols-3">
          <div className="card">
            <dt className="text-sm text-slate-700">Weighted score at this stage</dt>
            <dd className="text-2xl font-semibold" data-testid="debrief-stage-score">
              {figure(m.stageScore)}
            </dd>
            {m.stageScoreAfter !== null && m.stageScore !== null && Math.abs(m.stageScoreAfter - m.stageScore) > 1e-9 && (
              <dd className="text-sm text-slate-700">After the debrief&apos;s entries: {figure(m.stageScoreAfter)}</dd>
            )}
          </div>
          <div className="card">
            <dt className="text-sm text-slate-700">Rank among the vacancy&apos;s candidates at this stage</dt>
            <dd className="text-2xl font-semibold" data-testid="debrief-rank">
              {m.rank === null ? "Not ranked" : `${m.rank} of ${m.rankedOf}`}
            </dd>
            <dd className="text-sm text-slate-700">
              Mechanical score {figure(m.mechanicalScore)}
              {m.countedStages.length > 1 ? ` (mean of ${m.countedStages.map((s) => `${s.name} ${figure(s.score)}`).join(", ")})` : ""}
            </dd>
          </div>
          <div className="card">
            <dt className="text-sm text-slate-700">Panel agreement (Krippendorff&apos;s alpha)</dt>
            <dd className="text-2xl font-semibold" data-testid="debrief-alpha">
              {m.alpha.alpha === null ? "—" : m.alpha.alpha.toFixed(3)} <span className="text-base font-normal">{ALPHA_READING_LABELS[m.alpha.reading]}</span>
            </dd>
            <dd className="text-sm text-slate-700">{m.alpha.text}</dd>
          </div>
        </dl>
        <div className="mt-3">
          <MechanicalTable competencies={m.competencies} />
        </div>
      </section>

      <CandidateStrands stages={strands.stages} stageId={d.stage.id} headingId="debrief-strands-heading" />

      <section aria-labelledby="queue-heading" className="mt-8" data-testid="debrief-queue">
        <h2 id="queue-heading" className="text-xl font-semibold">
          2. Disagreements to discuss
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {d.queue.length === 0
            ? "No two panelists are 2 or more points apart on any question: nothing to discuss before the outcome."
            : `${d.queue.length === 1 ? "One question" : `${d.queue.length} questions`} where panelists are 2 or more points apart, in script order.${d.viewer.isChair && open ? " Record the panel's view of each." : ""}`}
        </p>
        <ol className="mt-3 space-y-4">
          {d.queue.map((unit) => (
            <li key={`${unit.itemId}-${unit.competencyId}`} className="card" data-testid="queue-item" data-item-id={unit.itemId} data-competency-id={unit.competencyId}>
              <h3 className="font-semibold">
                {unitLabel(unit)} <span className="text-sm font-normal text-slate-700">· mean {figure(unit.mean)}, {unit.spread} points apart</span>
              </h3>
              <p className="mt-1">{unit.text}</p>
              <div className="mt-3">
                <RatingsTable label={`Ratings and evidence notes: ${unitLabel(unit)}`} ratings={unit.ratings} notes={unit.notes} />
              </div>
              {unit.entry && (
                <p className="mt-3 text-sm" data-testid="queue-entry" data-kind={unit.entry.kind}>
                  <strong>Recorded:</strong>{" "}
                  {unit.entry.kind === "CONSENSUS" && unit.entry.rating !== null
                    ? `consensus ${unit.entry.rating} (${ratingLabel(unit.entry.rating)}), in place of the mean ${figure(unit.entry.meanBefore)}`
                    : `keep the mean ${figure(unit.entry.meanBefore)}`}
                  {unit.entry.recordedBy ? ` · ${unit.entry.recordedBy}` : ""}
                  {unit.entry.reason ? ` · ${unit.entry.reason}` : ""}
                </p>
              )}
              {unit.comments.length > 0 && (
                <ul className="mt-3 space-y-1 border-l-2 border-slate-200 pl-3 text-sm" aria-label={`Comments: ${unitLabel(unit)}`}>
                  {unit.comments.map((c) => (
                    <li key={c.id} data-testid="queue-comment">
                      <span className="font-medium">{c.authorName ?? "Former member"}:</span> <span className="whitespace-pre-wrap">{c.body}</span>
                    </li>
                  ))}
                </ul>
              )}
              {chairMayRecord && (
                <EntryForm debriefId={d.id} itemId={unit.itemId} competencyId={unit.competencyId} label={unitLabel(unit)} mean={unit.mean} entry={unit.entry} />
              )}
              {open && d.viewer.canComment && <CommentForm debriefId={d.id} itemId={unit.itemId} competencyId={unit.competencyId} label={unitLabel(unit)} />}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="outcome-heading" className="mt-8" data-testid="debrief-outcome">
        <h2 id="outcome-heading" className="text-xl font-semibold">
          3. Outcome
        </h2>
        {d.decision ? (
          <div className="card mt-3">
            <DecisionSummary decision={d.decision} />
          </div>
        ) : chairMayRecord && d.outcomeForm ? (
          <ClientMessages namespaces={["strands"]}>
            <OutcomeForm debriefId={d.id} nextStages={d.outcomeForm.nextStages} overrides={d.outcomeForm.overrides} competencyNames={d.outcomeForm.competencyNames} departsIf={departsIf} />
          </ClientMessages>
        ) : (
          <p className="mt-2 text-slate-700">No decision yet. The chair records the outcome here{open ? " once the panel has discussed the queue" : ""}.</p>
        )}
      </section>

      {(d.corrections.length > 0 || (d.viewer.isChair && !open)) && (
        <section aria-labelledby="corrections-heading" className="mt-8" data-testid="debrief-corrections">
          <h2 id="corrections-heading" className="text-xl font-semibold">
            Corrections
          </h2>
          {d.corrections.length === 0 ? (
            <p className="mt-2 text-slate-700">None. The debrief is locked; a correction is kept beside it with its reason, before and after.</p>
          ) : (
            <ol className="mt-3 space-y-3">
              {d.corrections.map((c) => (
                <li key={c.id} className="card text-sm" data-testid="correction">
                  <p>
                    <When date={c.at} />
                    {c.actorName ? ` · ${c.actorName}` : ""}
                  </p>
                  <p className="mt-1">
                    <span className="font-medium">Reason:</span> {c.reason}
                  </p>
                  <p className="mt-1">
                    <span className="font-medium">Before:</span> {describeSnapshot(c.before, d)}
                  </p>
                  <p className="mt-1">
                    <span className="font-medium">After:</span> {describeSnapshot(c.after, d)}
                  </p>
                </li>
              ))}
            </ol>
          )}
          {d.viewer.isChair && !open && d.decision && d.outcomeForm && (
            <CorrectionForm
              debriefId={d.id}
              rationale={d.decision.rationale}
              units={d.queue.map((u) => ({ key: `${u.itemId}/${u.competencyId}`, itemId: u.itemId, competencyId: u.competencyId, label: unitLabel(u) }))}
              nextStages={d.outcomeForm.nextStages}
              overrides={d.outcomeForm.overrides}
            />
          )}
        </section>
      )}
    </div>
  );
}

/** A correction's before or after in words. */
function describeSnapshot(snapshot: unknown, d: DebriefView): string {
  if (!snapshot || typeof snapshot !== "object") return "—";
  const s = snapshot as Record<string, unknown>;
  if (typeof s.rationale === "string") return `rationale “${s.rationale}”`;
  if (s.entry && typeof s.entry === "object") {
    const e = s.entry as { itemId?: string; competencyId?: string; kind?: string | null; rating?: number | null };
    const unit = d.queue.find((u) => u.itemId === e.itemId && u.competencyId === e.competencyId);
    const where = unit ? unitLabel(unit) : "an entry";
    if (!e.kind) return `${where}: nothing recorded`;
    return `${where}: ${e.kind === "CONSENSUS" ? `consensus ${e.rating}` : "keep the mean"}`;
  }
  if (s.outcome && typeof s.outcome === "object") {
    const o = s.outcome as { outcome?: string; nextStageId?: string | null; isOverride?: boolean };
    const next = d.outcomeForm?.nextStages.find((n) => n.id === o.nextStageId)?.name;
    const label = o.outcome && o.outcome in OUTCOME_LABELS ? OUTCOME_LABELS[o.outcome as DebriefOutcome] : "—";
    return `${label}${next ? ` to ${next}` : ""}${o.isOverride ? " (override)" : ""}`;
  }
  return "—";
}
