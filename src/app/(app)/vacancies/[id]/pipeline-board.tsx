"use client";
// The vacancy's pipeline board: a column per stage of its plan, then Appointed, Reserve, Rejected and
// Withdrawn, each with its count and its candidates' cards saying whom they wait on. Cards are links to the
// candidate; managers of the vacancy move a candidate with the card's "Move to stage" select and button.
// Columns sit side by side and scroll sideways inside the board from tablet width; on a phone they stack.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import type { PipelineCard, PipelineColumn, Waiting } from "@/lib/schemas/vacancies";
import { useTRPC } from "@/trpc/react";

/** Cards shown per column before "Show all": a column of hundreds stays quick to render and to tab through. */
const FIRST_CARDS = 40;

type Stage = { id: string; name: string };
type MoveState = { candidateId: string; message: string; tone: "error" | "success" } | null;
type Translate = ReturnType<typeof useTranslations<"vacancies">>;

/** What a card says its candidate is waiting on ("Waiting on Ada, Ben (1 of 3 submitted)"). */
function describeWaiting(waiting: Waiting, t: Translate): string {
  switch (waiting.kind) {
    case "NOT_SCHEDULED":
      return t("waiting.notScheduled");
    case "WAITING":
      return t("waiting.waiting", { names: waiting.names.join(", "), submitted: waiting.submitted, seats: waiting.seats });
    case "READY":
      return t("waiting.ready");
    case "DEBRIEF_OPEN":
      return t("waiting.debriefOpen");
    case "DECIDED":
      return t("waiting.decided", { outcome: t(`outcomes.${waiting.outcome}`) });
    case "NONE":
      return t("waiting.none");
  }
}

export function PipelineBoard({ vacancyId }: { vacancyId: string }) {
  const t = useTranslations("vacancies");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pipeline = useQuery(trpc.vacancies.pipeline.queryOptions({ id: vacancyId }));
  const [result, setResult] = useState<MoveState>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  // A moved card is in another column once the board reloads: focus goes to it there, not to the page.
  const refocus = useRef<string | null>(null);
  const move = useMutation(
    trpc.vacancies.moveCandidate.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.vacancies.pipeline.queryKey({ id: vacancyId }) }),
    }),
  );

  useEffect(() => {
    const candidateId = refocus.current;
    if (!candidateId || !pipeline.data) return;
    refocus.current = null;
    boardRef.current?.querySelector<HTMLElement>(`[data-candidate-id="${candidateId}"] a`)?.focus();
  }, [pipeline.data]);

  async function onMove(card: PipelineCard, stageId: string, stages: Stage[]) {
    setResult(null);
    refocus.current = card.candidateId;
    try {
      // Where the card showed the candidate: moved or decided elsewhere since, the move is refused (and the board reloads).
      const moved = await move.mutateAsync({ candidateId: card.candidateId, stageId, shown: { stageId: card.stageId, status: card.status } });
      const stageName = stages.find((s) => s.id === stageId)?.name ?? t("board.theStage");
      // Back from the reserve list or rejected: the vacancy's counts by status changed too.
      if (moved.status !== card.status) router.refresh();
      setResult({
        candidateId: card.candidateId,
        tone: "success",
        message: moved.moved ? t("board.moved", { name: card.name, stage: stageName }) : t("board.alreadyAt", { name: card.name, stage: stageName }),
      });
    } catch (error) {
      refocus.current = null;
      setResult({ candidateId: card.candidateId, tone: "error", message: (error as Error).message });
    }
  }

  if (pipeline.isPending) return <p className="mt-3">{t("board.loading")}</p>;
  if (pipeline.error) return <ErrorAlert error={pipeline.error} variant="boxed" className="mt-3" />;
  const { columns, stages, canMove, scoped, total } = pipeline.data;
  return (
    <div className="mt-3">
      <p className="text-sm text-slate-700">
        {t("board.candidates", { count: total })}
        {stages.length === 0 ? ` · ${t("board.noPlan")}` : ""}
        {scoped ? ` · ${t("scopedNote")}` : ""}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {result?.tone === "success" ? result.message : ""}
      </p>
      <div
        ref={boardRef}
        role="region"
        aria-label={t("board.label")}
        tabIndex={0}
        className="relative mt-3 flex flex-col gap-4 rounded-lg focus-visible:outline-2 sm:flex-row sm:items-start sm:overflow-x-auto sm:pb-3"
        data-testid="pipeline-board"
      >
        {columns.map((column) => (
          <BoardColumn
            key={column.key}
            column={column}
            stages={stages}
            canMove={canMove}
            moving={move.isPending ? (move.variables?.candidateId ?? null) : null}
            result={result}
            onMove={(card, stageId) => void onMove(card, stageId, stages)}
          />
        ))}
      </div>
    </div>
  );
}

type ColumnProps = {
  column: PipelineColumn;
  stages: Stage[];
  canMove: boolean;
  moving: string | null;
  result: MoveState;
  onMove: (card: PipelineCard, stageId: string) => void;
};

function BoardColumn({ column, stages, canMove, moving, result, onMove }: ColumnProps) {
  const t = useTranslations("vacancies");
  const [showAll, setShowAll] = useState(false);
  const headingId = `column-${column.key}`;
  const shown = showAll ? column.cards : column.cards.slice(0, FIRST_CARDS);
  return (
    <section
      aria-labelledby={headingId}
      className={`w-full shrink-0 rounded-lg border p-3 sm:w-64 ${column.kind === "stage" ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white"}`}
      data-testid="pipeline-column"
    >
      <h3 id={headingId} className="flex items-baseline justify-between gap-2 font-semibold">
        {/* A stage's column is named by its stage; the others by their key, in the page's language. */}
        <span>{column.kind === "stage" ? column.label : t(`columns.${column.key}`)}</span>
        <span className="chip" aria-label={t("board.candidates", { count: column.count })}>
          {column.count}
        </span>
      </h3>
      {column.count === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("board.empty")}</p>
      ) : (
        <ol className="mt-2 space-y-2">
          {shown.map((card) => (
            <li key={card.candidateId}>
              <BoardCard
                card={card}
                stages={stages}
                canMove={canMove}
                moving={moving === card.candidateId}
                result={result?.candidateId === card.candidateId ? result : null}
                onMove={onMove}
              />
            </li>
          ))}
        </ol>
      )}
      {column.cards.length > shown.length && (
        <button type="button" className="btn-secondary mt-2 w-full" onClick={() => setShowAll(true)}>
          {t("board.showAll", { count: column.count })}
        </button>
      )}
    </section>
  );
}

type CardProps = {
  card: PipelineCard;
  stages: Stage[];
  canMove: boolean;
  moving: boolean;
  result: MoveState;
  onMove: (card: PipelineCard, stageId: string) => void;
};

function BoardCard({ card, stages, canMove, moving, result, onMove }: CardProps) {
  const t = useTranslations("vacancies");
  // Withdrawn, appointed and erased candidates stay where they are, and so do those a debrief put on the reserve
  // list or rejected at their stage: a correction in the debrief changes that (the server refuses them too).
  const decided = card.waiting.kind === "DECIDED" && (card.status === "RESERVE" || card.status === "REJECTED");
  const movable = canMove && !card.erased && !decided && card.status !== "WITHDRAWN" && card.status !== "HIRED" && stages.length > 0;
  const targets = stages.filter((s) => !(card.status === "ACTIVE" && s.id === card.stageId));
  const selectId = `move-${card.candidateId}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const stageId = String(new FormData(event.currentTarget).get("stageId") ?? "");
    if (stageId) onMove(card, stageId);
  }

  return (
    <article className="rounded-md border border-slate-200 bg-white p-2 shadow-sm" data-testid="pipeline-card" data-candidate-id={card.candidateId}>
      <Link href={`/candidates/${card.candidateId}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
        {card.name}
      </Link>
      {card.erased && <span className="chip ml-2">{t("board.erased")}</span>}
      <p className="mt-1 text-sm text-slate-700">{describeWaiting(card.waiting, t)}</p>
      {card.debriefId && (
        <Link href={`/debriefs/${card.debriefId}`} className="mt-1 inline-block text-sm font-semibold text-brand-700 underline">
          {t("board.debrief")}
          <span className="sr-only">{t("board.debriefOf", { name: card.name })}</span>
        </Link>
      )}
      {canMove && decided && card.debriefId && <p className="mt-1 text-sm text-slate-700">{t("board.correctInDebrief")}</p>}
      {movable && targets.length > 0 && (
        <form className="mt-2 flex items-end gap-2" onSubmit={onSubmit}>
          <div className="min-w-0 flex-1">
            <label htmlFor={selectId} className="text-xs font-medium text-slate-700">
              {t("board.moveTo")}
              <span className="sr-only">{t("board.moveToFor", { name: card.name })}</span>
            </label>
            <select id={selectId} name="stageId" className="field-input min-h-11 text-sm" defaultValue={targets[0]!.id}>
              {targets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary shrink-0 px-3" disabled={moving}>
            {moving ? t("board.moving") : t("board.move")}
            <span className="sr-only">{t("board.moveWhom", { name: card.name })}</span>
          </button>
        </form>
      )}
      {/* A move is announced once, by the board's status line; a refusal interrupts, here beside the card. */}
      {result?.tone === "error" && (
        <Alert tone="error" variant="plain" className="mt-1 text-sm">
          {result.message}
        </Alert>
      )}
      {result?.tone === "success" && <p className="mt-1 text-sm text-emerald-800">{result.message}</p>}
    </article>
  );
}
