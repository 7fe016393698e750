import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { DEBRIEF_OUTCOMES, type DebriefOutcome } from "@/lib/debriefs/outcomes";
import type { DebriefView } from "@/lib/schemas/debriefs";
import { roleHas } from "@/server/auth/permissions";
import { inLocale, renderError, type ErrorText, type Translate } from "@/server/errors";
import { signedInServerApi } from "@/trpc/server";
import { When } from "../../interviews/_components/when";
import { CommentForm } from "../_components/comment-form";
import { CorrectionForm } from "../_components/correction-form";
import { DebriefLive } from "../_components/debrief-live";
import { MechanicalTable, RatingsTable } from "../_components/debrief-tables";
import { DecisionSummary } from "../_components/decision-summary";
import { EntryForm } from "../_components/entry-form";
import { KeepUnsent } from "../_components/keep-unsent";
import { alphaFigure, alphaTextKey, figure, readingKey } from "../_components/format";
import { formatList } from "@/lib/format-list";
import { OutcomeForm } from "../_components/outcome-form";
import { ClientMessages } from "@/i18n/client-messages";
import { CandidateStrands } from "@/components/strands/strand-figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("debriefs"))("metaTitle") };
}

type T = Awaited<ReturnType<typeof getTranslations<"debriefs">>>;
type QueueItem = DebriefView["queue"][number];
const unitLabel = (t: T, u: Pick<QueueItem, "number" | "competencyName">) => t("unit", { number: u.number, competency: u.competencyName });

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
  const t = await getTranslations("debriefs");
  const [format, locale, errorsT] = await Promise.all([getFormatter(), getLocale(), getTranslations("errors")]);
  // A message of the server's errors namespace (its key and values), worded in the reader's language.
  const serverText = (text: NonNullable<DebriefView["blockedText"]>) => renderError(text as ErrorText, inLocale(errorsT as unknown as Translate, locale));
  const role = viewer.organization?.role;
  const readsCandidates = role ? roleHas(role, "candidates:read") : false;
  const open = d.status === "OPEN";
  const chairMayRecord = d.viewer.isChair && open && d.blocked === null;
  const m = d.mechanical;
  // Issue 23: the strands' figures at this stage (the one visibility rule), and for a chair the outcomes that
  // depart from the service-user strand's preferred candidate.
  const strands = await api.strands.candidate({ candidateId: d.candidate.id }).catch(() => ({ stages: [] }));
  const departsIf = strands.stages.find((s) => s.stageId === d.stage.id)?.departsIf ?? [];
  // A form the live refresh takes away while its author has text in it stays, under this notice (keep-unsent.tsx).
  const keptNotice = t(open ? "keptUnsent.changed" : "keptUnsent.closed");
  const keptOutcomeNotice = d.decision
    ? d.decision.decidedBy
      ? t("keptUnsent.decidedBy", { name: d.decision.decidedBy })
      : t("keptUnsent.decided")
    : keptNotice;

  return (
    <ClientMessages namespaces={["debriefs", "strands", "validation"]}>
      <div data-testid="debrief" data-status={d.status}>
        <p className="text-sm">
          {readsCandidates ? (
            <Link href={`/candidates/${d.candidate.id}`} className="text-brand-700 underline">
              {d.candidate.name}
            </Link>
          ) : (
            <Link href="/my-interviews" className="text-brand-700 underline">
              {t("myInterviews")}
            </Link>
          )}
        </p>
        <PageHeader
          className="mt-2"
          title={t("title", { candidate: d.candidate.name })}
          description={
            <>
              {t("where", { vacancy: d.vacancy.title, position: d.stage.position, stage: d.stage.name })}{" "}
              <span className="chip" data-testid="debrief-status">
                {t(`status.${open ? "OPEN" : "CLOSED"}`)}
              </span>
            </>
          }
        />
        <p className="mt-1 text-sm text-slate-700">
          {d.chair
            ? t.rich("openedBy", { name: d.chair.name, when: () => <When date={d.openedAt} /> })
            : t.rich("opened", { when: () => <When date={d.openedAt} /> })}
          {d.closedAt ? t.rich("closed", { when: () => <When date={d.closedAt!} /> }) : null}
        </p>
        <DebriefLive debriefId={d.id} version={d.version} />
        {d.openedEarlyReason && (
          <Alert tone="info" className="mt-3">
            {t("openedEarly", { reason: d.openedEarlyReason })}
          </Alert>
        )}
        {d.blockedText && (
          <Alert tone="warning" className="mt-3" role="alert">
            {/* Worded by the server's key and values (the same message a refusal to record gives). */}
            {serverText(d.blockedText)}
          </Alert>
        )}
        <p className="mt-3 text-sm text-slate-700" data-testid="debrief-panel">
          {t("panel")}{" "}
          {d.panel.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ", " : ""}
              {t(p.submitted ? "panelSubmitted" : "panelNotSubmitted", { name: p.name })}
            </span>
          ))}
        </p>

        <section aria-labelledby="mechanical-heading" className="mt-6" data-testid="debrief-mechanical">
          <h2 id="mechanical-heading" className="text-xl font-semibold">
            {t("mechanical.heading")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("mechanical.intro")}</p>
          <dl className="mt-3 grid gap-3 sm:grid-cols-3">
            <div className="card">
              <dt className="text-sm text-slate-700">{t("mechanical.stageScore")}</dt>
              <dd className="text-2xl font-semibold" data-testid="debrief-stage-score">
                {figure(m.stageScore, format)}
              </dd>
              {m.stageScoreAfter !== null && m.stageScore !== null && Math.abs(m.stageScoreAfter - m.stageScore) > 1e-9 && (
                <dd className="text-sm text-slate-700">{t("mechanical.after", { score: figure(m.stageScoreAfter, format) })}</dd>
              )}
            </div>
            <div className="card">
              <dt className="text-sm text-slate-700">{t("mechanical.rank")}</dt>
              <dd className="text-2xl font-semibold" data-testid="debrief-rank">
                {m.rank === null ? t("mechanical.notRanked") : t("mechanical.rankOf", { rank: m.rank, of: m.rankedOf })}
              </dd>
              <dd className="text-sm text-slate-700">
                {t("mechanical.mechanicalScore", { score: figure(m.mechanicalScore, format) })}
                {m.countedStages.length > 1
                  ? t("mechanical.meanOf", { stages: formatList(m.countedStages.map((s) => t("mechanical.stageFigure", { stage: s.name, score: figure(s.score, format) })), locale, "unit") })
                  : ""}
              </dd>
              {m.leftOut > 0 && (
                <dd className="mt-1 text-sm text-slate-700" data-testid="debrief-rank-left-out">
                  {t("mechanical.leftOut", { count: m.leftOut })}
                </dd>
              )}
            </div>
            <div className="card">
              <dt className="text-sm text-slate-700">{t("mechanical.alpha")}</dt>
              <dd className="text-2xl font-semibold" data-testid="debrief-alpha">
                {alphaFigure(m.alpha.alpha, format)} <span className="text-base font-normal">{t(`mechanical.reading.${readingKey(m.alpha.reading)}`)}</span>
              </dd>
              <dd className="text-sm text-slate-700">{t(`mechanical.alphaText.${alphaTextKey(m.alpha)}`)}</dd>
            </div>
          </dl>
          <div className="mt-3">
            <MechanicalTable competencies={m.competencies} />
          </div>
        </section>

        <CandidateStrands stages={strands.stages} stageId={d.stage.id} headingId="debrief-strands-heading" />

        <section aria-labelledby="queue-heading" className="mt-8" data-testid="debrief-queue">
          <h2 id="queue-heading" className="text-xl font-semibold">
            {t("queue.heading")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {d.queue.length === 0
              ? t("queue.none")
              : `${t("queue.some", { count: d.queue.length })}${d.viewer.isChair && open ? ` ${t("queue.recordEach")}` : ""}`}
          </p>
          <ol className="mt-3 space-y-4">
            {d.queue.map((unit) => (
              <li key={`${unit.itemId}-${unit.competencyId}`} className="card" data-testid="queue-item" data-item-id={unit.itemId} data-competency-id={unit.competencyId}>
                <h3 className="font-semibold">
                  {unitLabel(t, unit)} <span className="text-sm font-normal text-slate-700">{t("queue.meanSpread", { mean: figure(unit.mean, format), spread: unit.spread })}</span>
                </h3>
                <p className="mt-1">{unit.text}</p>
                <div className="mt-3">
                  <RatingsTable label={t("queue.ratingsLabel", { unit: unitLabel(t, unit) })} ratings={unit.ratings} notes={unit.notes} />
                </div>
                {unit.entry && (
                  <p className="mt-3 text-sm" data-testid="queue-entry" data-kind={unit.entry.kind}>
                    <strong>{t("queue.recorded")}</strong>{" "}
                    {unit.entry.kind === "CONSENSUS" && unit.entry.rating !== null
                      ? t("queue.consensus", { rating: unit.entry.rating, label: levelLabel(t, unit.entry.rating), mean: figure(unit.entry.meanBefore, format) })
                      : t("queue.keepMean", { mean: figure(unit.entry.meanBefore, format) })}
                    {unit.entry.recordedBy ? ` · ${unit.entry.recordedBy}` : ""}
                    {unit.entry.reason ? ` · ${unit.entry.reason}` : ""}
                  </p>
                )}
                {unit.comments.length > 0 && (
                  <ul className="mt-3 space-y-1 border-l-2 border-slate-200 pl-3 text-sm" aria-label={t("queue.commentsLabel", { unit: unitLabel(t, unit) })}>
                    {unit.comments.map((c) => (
                      <li key={c.id} data-testid="queue-comment">
                        <span className="font-medium">{c.authorName ?? t("queue.formerMember")}:</span> <span className="whitespace-pre-wrap">{c.body}</span>
                      </li>
                    ))}
                  </ul>
                )}
                <KeepUnsent notice={keptNotice}>
                  {chairMayRecord && (
                    <EntryForm debriefId={d.id} itemId={unit.itemId} competencyId={unit.competencyId} label={unitLabel(t, unit)} mean={unit.mean} entry={unit.entry} />
                  )}
                </KeepUnsent>
                <KeepUnsent notice={keptNotice}>
                  {open && d.viewer.canComment && <CommentForm debriefId={d.id} itemId={unit.itemId} competencyId={unit.competencyId} label={unitLabel(t, unit)} />}
                </KeepUnsent>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="outcome-heading" className="mt-8" data-testid="debrief-outcome">
          <h2 id="outcome-heading" className="text-xl font-semibold">
            {t("outcome.heading")}
          </h2>
          {d.decision ? (
            <div className="card mt-3">
              <DecisionSummary decision={d.decision} />
            </div>
          ) : chairMayRecord && d.decisionWithheld ? (
            // Part of the ranking the outcome is checked against is withheld from the chair: the refusal's words.
            <Alert tone="warning" className="mt-3">
              {serverText(d.decisionWithheld)}
            </Alert>
          ) : chairMayRecord && d.outcomeForm ? null : (
            <p className="mt-2 text-slate-700">{t(open ? "outcome.noDecisionOpen" : "outcome.noDecisionClosed")}</p>
          )}
          {/* Always here, so the form a chair is writing in stays (under a notice) when another chair decides. */}
          <KeepUnsent notice={keptOutcomeNotice}>
            {!d.decision && chairMayRecord && !d.decisionWithheld && d.outcomeForm ? (
              <OutcomeForm debriefId={d.id} nextStages={d.outcomeForm.nextStages} overrides={d.outcomeForm.overrides} competencyNames={d.outcomeForm.competencyNames} departsIf={departsIf} />
            ) : null}
          </KeepUnsent>
        </section>

        {(d.corrections.length > 0 || (d.viewer.isChair && !open)) && (
          <section aria-labelledby="corrections-heading" className="mt-8" data-testid="debrief-corrections">
            <h2 id="corrections-heading" className="text-xl font-semibold">
              {t("corrections.heading")}
            </h2>
            {d.corrections.length === 0 ? (
              <p className="mt-2 text-slate-700">{t("corrections.none")}</p>
            ) : (
              <ol className="mt-3 space-y-3">
                {d.corrections.map((c) => (
                  <li key={c.id} className="card text-sm" data-testid="correction">
                    <p>
                      <When date={c.at} />
                      {c.actorName ? ` · ${c.actorName}` : ""}
                    </p>
                    <p className="mt-1">
                      <span className="font-medium">{t("corrections.reason")}</span> {c.reason}
                    </p>
                    <p className="mt-1">
                      <span className="font-medium">{t("corrections.before")}</span> {describeSnapshot(t, c.before, d)}
                    </p>
                    <p className="mt-1">
                      <span className="font-medium">{t("corrections.after")}</span> {describeSnapshot(t, c.after, d)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
            {d.viewer.isChair && !open && d.decision && d.decisionWithheld && (
              <Alert tone="warning" className="mt-3">
                {serverText(d.decisionWithheld)}
              </Alert>
            )}
            {d.viewer.isChair && !open && d.decision && d.outcomeForm && (
              <CorrectionForm
                debriefId={d.id}
                rationale={d.decision.rationale}
                units={d.queue.map((u) => ({ key: `${u.itemId}/${u.competencyId}`, itemId: u.itemId, competencyId: u.competencyId, label: unitLabel(t, u) }))}
                nextStages={d.outcomeForm.nextStages}
                overrides={d.outcomeForm.overrides}
                departsIf={departsIf}
              />
            )}
          </section>
        )}
      </div>
    </ClientMessages>
  );
}

const levelLabel = (t: T, level: number) => (level >= 1 && level <= 4 ? t(`levels.${String(level) as "1" | "2" | "3" | "4"}`) : String(level));

/** A correction's before or after in words. */
function describeSnapshot(t: T, snapshot: unknown, d: DebriefView): string {
  if (!snapshot || typeof snapshot !== "object") return "—";
  const s = snapshot as Record<string, unknown>;
  if (typeof s.rationale === "string") return t("corrections.rationale", { text: s.rationale });
  if (s.entry && typeof s.entry === "object") {
    const e = s.entry as { itemId?: string; competencyId?: string; kind?: string | null; rating?: number | null };
    const unit = d.queue.find((u) => u.itemId === e.itemId && u.competencyId === e.competencyId);
    const where = unit ? unitLabel(t, unit) : t("corrections.anEntry");
    if (!e.kind) return t("corrections.nothingRecorded", { where });
    return e.kind === "CONSENSUS" ? t("corrections.consensus", { where, rating: String(e.rating) }) : t("corrections.keepMean", { where });
  }
  if (s.outcome && typeof s.outcome === "object") {
    const o = s.outcome as { outcome?: string; nextStageId?: string | null; isOverride?: boolean };
    const next = d.outcomeForm?.nextStages.find((n) => n.id === o.nextStageId)?.name;
    const label = DEBRIEF_OUTCOMES.includes(o.outcome as DebriefOutcome) ? t(`outcomes.${o.outcome as DebriefOutcome}`) : "—";
    return `${next ? t("corrections.outcomeTo", { outcome: label, stage: next }) : label}${o.isOverride ? t("corrections.override") : ""}`;
  }
  return "—";
}
