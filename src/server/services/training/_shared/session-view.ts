// A practice session's answers as its panelist meets them (in the seed's order), and its figures.
import { practiceAccuracy, type AccuracyOptions, type PracticePair, type SeparationReason } from "@/lib/training/practice-accuracy";
import { practiceOrder } from "@/lib/training/practice-order";
import type { PracticeFigures } from "@/lib/schemas/training";
import type { Reader } from "./answer-context";

export async function loadSessionItems(db: Reader, session: { id: string; seed: number }) {
  const ratings = await db.practiceRating.findMany({
    where: { sessionId: session.id },
    select: {
      answerId: true,
      competencyId: true,
      score: true,
      revealedAt: true,
      competency: {
        select: { id: true, name: true, anchors: { orderBy: { level: "asc" }, select: { level: true, description: true } } },
      },
    },
  });
  const answerIds = [...new Set(ratings.map((r) => r.answerId))];
  const answers = await db.practiceAnswer.findMany({
    where: { id: { in: answerIds } },
    select: {
      id: true,
      text: true,
      source: true,
      question: {
        select: { text: true, competencies: { select: { competencyId: true, position: true } } },
      },
      references: { where: { raterId: null }, select: { competencyId: true, level: true, rationale: true } },
    },
  });
  const byId = new Map(answers.map((a) => [a.id, a]));
  const order = practiceOrder(
    answers.map((a) => ({ id: a.id, references: a.references })),
    session.seed,
  );
  return order.map((answerId, index) => {
    const answer = byId.get(answerId)!;
    const position = new Map(answer.question.competencies.map((c) => [c.competencyId, c.position]));
    const cells = ratings
      .filter((r) => r.answerId === answerId)
      .sort((a, b) => (position.get(a.competencyId) ?? 99) - (position.get(b.competencyId) ?? 99) || a.competencyId.localeCompare(b.competencyId));
    return {
      answerId,
      number: index + 1,
      questionText: answer.question.text,
      source: answer.source,
      text: answer.text,
      competencies: cells.map((c) => c.competency),
      ratings: cells.map((c) => ({ competencyId: c.competencyId, score: c.score })),
      revealed: cells.length > 0 && cells.every((c) => c.revealedAt !== null),
      references: cells.flatMap((c) => {
        const reference = answer.references.find((r) => r.competencyId === c.competencyId);
        if (!reference) return [];
        const anchor = c.competency.anchors.find((a) => a.level === reference.level)?.description ?? "";
        return [{ competencyId: c.competencyId, level: reference.level, rationale: reference.rationale, anchor }];
      }),
    };
  });
}

export type SessionItem = Awaited<ReturnType<typeof loadSessionItems>>[number];

/** Each rated cell beside its reference, named by competency id. */
export function pairsOf(items: readonly SessionItem[]): PracticePair[] {
  return items.flatMap((item) =>
    item.ratings.flatMap((r) => {
      const reference = item.references.find((ref) => ref.competencyId === r.competencyId);
      return r.score !== null && reference ? [{ competency: r.competencyId, rating: r.score, reference: reference.level }] : [];
    }),
  );
}

/** The figures of a session's pairs, competencies named. */
export function figuresOf(items: readonly SessionItem[]): PracticeFigures | null {
  const names = new Map(items.flatMap((i) => i.competencies.map((c) => [c.id, c.name] as const)));
  return figuresOfPairs(pairsOf(items), names);
}

/** The figure the reason's note names: the number of ratings, or the one level every reference (or rating) has. */
function separationValue(reason: SeparationReason | null, pairs: readonly PracticePair[]): number | null {
  if (reason === "too-few-pairs") return pairs.length;
  if (reason === "reference-no-variance") return pairs[0]?.reference ?? null;
  if (reason === "rater-no-variance") return pairs[0]?.rating ?? null;
  return null;
}

/** The figures of pairs named by competency id; `options` as for practiceAccuracy. Null with no pairs. */
export function figuresOfPairs(
  pairs: readonly PracticePair[],
  names: ReadonlyMap<string, string>,
  options: AccuracyOptions = {},
): PracticeFigures | null {
  const accuracy = practiceAccuracy(pairs, options);
  if (accuracy.meanAbsoluteDifference === null || accuracy.bias === null) return null;
  return {
    n: accuracy.n,
    meanAbsDiff: accuracy.meanAbsoluteDifference,
    bias: accuracy.bias,
    separation: accuracy.separation.correlation,
    separationNote: accuracy.separation.text,
    // The note's reason and its figure, so a page can word it in the reader's language.
    separationReason: accuracy.separation.reason,
    separationValue: separationValue(accuracy.separation.reason, pairs),
    furthestOff: accuracy.furthestOff.map((c) => ({
      competencyId: c.competency,
      name: names.get(c.competency) ?? "Competency",
      n: c.n,
      meanAbsoluteDifference: c.meanAbsoluteDifference,
      bias: c.bias,
    })),
  };
}
