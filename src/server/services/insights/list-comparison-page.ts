// The organisation-wide comparison one page at a time (issue 18): filtered, sorted and cut in SQL with
// keyset pagination, so the first page and every next one read about a page of rows whatever the size of
// the organisation (the whole comparison of 40,000 candidates took seconds).
//
// The rows are those of the comparison (compare-candidates.ts) with the same figures: each candidate's
// CandidateInsight row, or, for a candidate with a scorecard withheld from the actor (a panel they sit on
// and have not submitted for) and under the interview filters (stage, script, dates, panelist), figures
// grouped from the scorecards the actor may see (insight-scope.ts, which applies
// @/server/access/scorecard-visibility). The weighted score is computed in SQL by candidate_weighted_score,
// and stored in CandidateInsight, indexed with the organisation, so the default order is an index walk.
//
// The order is total: the sort key, then the candidate's id in the same direction, and candidates without a
// key (no weighted score, the competency not rated) last either way. A cursor names the last (or first) row
// of a page by its key and id; the next page is the rows strictly after it in that order.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { CandidateStatus, DecisionOutcome } from "@/generated/prisma/enums";
import { candidateInScope, withheldFromPendingSeats } from "@/server/access/scorecard-visibility";
import type { ComparisonPage, ComparisonPageRow, ComparisonSort } from "@/lib/schemas/comparison-pages";
import type { Db } from "@/server/db";
import { requirePermission, type Actor } from "@/server/services/actor";
import { checkedRows } from "../_shared/checked-rows";
import { loadBlindLabels } from "./blind-labels";
import { latestOutcomeJoins } from "./_shared/compare-queries";
import {
  candidateConditions,
  candidateFilters,
  candidatesWithPendingSeats,
  hasOnlyCandidateFilters,
  scopeConditions,
  scopedScorecards,
  type InsightFilters,
} from "./insight-scope";

export type ComparisonPageQuery = InsightFilters & {
  blind: boolean;
  sort: ComparisonSort;
  competencyId?: string;
  dir: "asc" | "desc";
  after?: string;
  before?: string;
  pageSize: number;
};

/** Where a page starts: segment 0 holds the rows with a key, 1 those without; key as Postgres prints it. */
type Cursor = { seg: 0 | 1; key: string | null; id: string };

const cursorSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.string().nullable(), z.string().min(1).max(64)]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.seg, cursor.key, cursor.id])).toString("base64url");
}

function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const [seg, key, id] = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return { seg, key, id };
  } catch {
    // A cursor is only ever one we made; anything else starts from the first page.
    return null;
  }
}

/** The sort as it can be applied: in a blind review the name does not order the rows (its order would tell). */
function effectiveSort(query: ComparisonPageQuery): { sort: ComparisonSort; competencyId?: string } {
  if (query.sort === "name" && query.blind) return { sort: "score" };
  if (query.sort === "competency" && !query.competencyId) return { sort: "score" };
  return { sort: query.sort, competencyId: query.competencyId };
}

/** The sort key over a row source `r`, its SQL type (for the cursor's value) and whether it can be null. */
function sortKey(sort: ComparisonSort, competencyId: string | undefined): { expr: Prisma.Sql; type: Prisma.Sql; nullable: boolean } {
  switch (sort) {
    case "name":
      return { expr: Prisma.sql`r."name"`, type: Prisma.raw("text"), nullable: false };
    case "date":
      return { expr: Prisma.sql`r."createdAt"`, type: Prisma.raw("timestamp(3)"), nullable: false };
    case "competency": {
      const at = Prisma.sql`array_position(r."competencyIds", ${competencyId})`;
      return {
        expr: Prisma.sql`(CASE WHEN r."counts"[${at}] > 0 THEN r."sums"[${at}]::float8 / r."counts"[${at}] END)`,
        type: Prisma.raw("float8"),
        nullable: true,
      };
    }
    default:
      return { expr: Prisma.sql`r."weightedScore"`, type: Prisma.raw("float8"), nullable: true };
  }
}

const ROW_COLUMNS = Prisma.raw(`"candidateId", "name", "createdAt", "vacancyId", "stageId", "status", "interviews", "scorecards",
  "strongNo", "no", "yes", "strongYes", "competencyIds", "sums", "counts", "notAssessed", "weightedScore"`);

/**
 * Candidates read from CandidateInsight: those in the actor's scope matching the candidate filters, less
 * those with a pending seat. `idColumn` is the id the keyset compares: the insight's for the score (its
 * index is on CandidateInsight), the candidate's for name and date (theirs on Candidate).
 */
function insightRows(actor: Actor, filters: InsightFilters, pending: string[], idColumn: Prisma.Sql): Prisma.Sql {
  // The scope test as a filter on each row (IS TRUE keeps Postgres from turning it into a join that builds
  // the whole set before the first row), and the pending candidates as one array: both let the index walk
  // stop after a page.
  const conditions = [
    Prisma.sql`ci."orgId" = ${actor.orgId}`,
    Prisma.sql`c."orgId" = ${actor.orgId}`,
    Prisma.sql`(${candidateInScope(actor, Prisma.raw(`ci."candidateId"`))}) IS TRUE`,
    ...(pending.length ? [Prisma.sql`ci."candidateId" <> ALL (${pending}::text[])`] : []),
    ...candidateFilters(filters),
  ];
  return Prisma.sql`
    SELECT ${idColumn} AS "candidateId", c."name", c."createdAt", c."vacancyId", c."stageId", c."status", ci."interviews",
      ci."scorecards", ci."strongNo", ci."no", ci."yes", ci."strongYes", ci."competencyIds", ci."sums", ci."counts",
      ci."notAssessed", ci."weightedScore"
    FROM "CandidateInsight" ci
    JOIN "Candidate" c ON c."id" = ci."candidateId"
    WHERE ${Prisma.join(conditions, " AND ")}`;
}

/**
 * Candidates grouped from the scorecards in scope (insight-scope.ts): under interview filters every
 * candidate, otherwise only those with a pending seat. At a stage whose plan sets weights, those score
 * every candidate (as the comparison does); otherwise their script version's.
 */
function groupedRows(actor: Actor, filters: InsightFilters, only?: string[]): Prisma.Sql {
  const scoped = scopedScorecards(actor, filters, {
    candidatesInScope: true,
    ...(only ? { candidateWhere: Prisma.sql`c."id" = ANY (${only}::text[])` } : {}),
  });
  const versionScore = Prisma.sql`"candidate_weighted_score"(p."scriptVersionId", f."competencyIds", f."sums", f."counts")`;
  const score =
    filters.stageId === undefined
      ? versionScore
      : Prisma.sql`CASE WHEN EXISTS (SELECT 1 FROM "VacancyStageWeight" sw WHERE sw."stageId" = ${filters.stageId})
          THEN (SELECT sum((x."sum"::float8 / x."n") * sw."weight") / nullif(sum(sw."weight"), 0)
            FROM unnest(f."competencyIds", f."sums", f."counts") AS x("competencyId", "sum", "n")
            JOIN "VacancyStageWeight" sw ON sw."stageId" = ${filters.stageId} AND sw."competencyId" = x."competencyId"
            WHERE x."n" > 0)
          ELSE ${versionScore} END`;
  return Prisma.sql`
    ${scoped}
    SELECT p."candidateId", c."name", c."createdAt", c."vacancyId", c."stageId", c."status", p."interviews", p."scorecards",
      p."strongNo", p."no", p."yes", p."strongYes", coalesce(f."competencyIds", '{}') AS "competencyIds",
      coalesce(f."sums", '{}') AS "sums", coalesce(f."counts", '{}') AS "counts", coalesce(f."notAssessed", '{}') AS "notAssessed",
      ${score} AS "weightedScore"
    FROM "candidate_scorecard_counts"(ARRAY(SELECT "scorecardId" FROM scoped)) p
    JOIN "Candidate" c ON c."id" = p."candidateId"
    LEFT JOIN "candidate_competency_figures"(ARRAY(SELECT "scorecardId" FROM scoped)) f ON f."candidateId" = p."candidateId"`;
}

/**
 * The row sources of the comparison for these filters (see the header). `pending`: the candidates with a
 * pending seat of the actor's (pendingCandidates), read first so that the statement names them as values
 * (planning the page's statement with that rule written out in four places took longer than running it).
 */
function rowSources(actor: Actor, filters: InsightFilters, sort: ComparisonSort, pending: string[]): Prisma.Sql[] {
  if (!hasOnlyCandidateFilters(filters)) return [groupedRows(actor, filters)];
  const idColumn = sort === "name" || sort === "date" ? Prisma.raw(`c."id"`) : Prisma.raw(`ci."candidateId"`);
  const insight = insightRows(actor, filters, pending, idColumn);
  return pending.length ? [insight, groupedRows(actor, filters, pending)] : [insight];
}

const idRowSchema = z.object({ id: z.string() });

/** The candidates with a scorecard withheld from the actor (a panel of theirs they have not submitted for). */
export async function pendingCandidates(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db.$queryRaw(Prisma.sql`SELECT DISTINCT p."candidateId" AS "id" FROM (${candidatesWithPendingSeats(actor)}) p`);
  return checkedRows(idRowSchema, rows).map((r) => r.id);
}

/**
 * The statement that reads one page (pageSize + 1 rows, to know whether another follows) in the direction
 * of travel: forward after a cursor, backward before one. Each source and segment is cut to the page on
 * its own, in index order where an index serves it, and the few rows left are merged.
 */
export function comparisonPageQuery(actor: Actor, query: ComparisonPageQuery, pending: string[]): { sql: Prisma.Sql; backward: boolean } {
  const { sort, competencyId } = effectiveSort(query);
  const key = sortKey(sort, competencyId);
  const after = decodeCursor(query.after);
  const before = after ? null : decodeCursor(query.before);
  const backward = before !== null;
  const cursor = after ?? before;
  // Direction of travel: the page's order, or its reverse when reading backward.
  const descending = (query.dir === "desc") !== backward;
  const order = Prisma.raw(descending ? "DESC" : "ASC");
  const beyond = Prisma.raw(descending ? "<" : ">");
  const limit = query.pageSize + 1;
  const cursorKey = cursor?.key == null ? Prisma.sql`NULL` : Prisma.sql`${cursor.key}::${key.type}`;

  // Per segment: null when the cursor is past it in the direction of travel, else its keyset condition.
  const segment = (seg: 0 | 1): Prisma.Sql | null => {
    if (!cursor) return Prisma.sql`TRUE`;
    if (cursor.seg === seg) {
      return seg === 0 ? Prisma.sql`(${key.expr}, r."candidateId") ${beyond} (${cursorKey}, ${cursor.id})` : Prisma.sql`r."candidateId" ${beyond} ${cursor.id}`;
    }
    // Forward, the keyless segment (1) follows segment 0; backward, segment 0 precedes segment 1.
    return (seg > cursor.seg) !== backward ? Prisma.sql`TRUE` : null;
  };
  const branches: Prisma.Sql[] = [];
  for (const source of rowSources(actor, query, sort, pending)) {
    for (const seg of key.nullable ? ([0, 1] as const) : ([0] as const)) {
      const condition = segment(seg);
      if (!condition) continue;
      const present = key.nullable ? Prisma.sql`${key.expr} IS ${Prisma.raw(seg === 0 ? "NOT NULL" : "NULL")}` : Prisma.sql`TRUE`;
      const ordered = seg === 0 ? Prisma.sql`${key.expr} ${order}, r."candidateId" ${order}` : Prisma.sql`r."candidateId" ${order}`;
      branches.push(Prisma.sql`(SELECT ${ROW_COLUMNS}, ${key.expr} AS "key", ${seg}::int AS "seg"
        FROM (${source}) r WHERE ${present} AND ${condition} ORDER BY ${ordered} LIMIT ${limit})`);
    }
  }
  const segOrder = Prisma.raw(backward ? "DESC" : "ASC");
  const pageOrder = Prisma.sql`pg."seg" ${segOrder}, pg."key" ${order}, pg."candidateId" ${order}`;
  return {
    backward,
    // One JSON text (as the comparison answers): the driver decodes Postgres arrays in JavaScript, character
    // by character, where JSON.parse is native.
    sql: Prisma.sql`
      SELECT coalesce(json_agg(json_build_object('candidateId', pg."candidateId", 'name', pg."name",
        'createdAt', to_char(pg."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'vacancyId', pg."vacancyId",
        'status', pg."status", 'interviews', pg."interviews", 'scorecards', pg."scorecards", 'strongNo', pg."strongNo",
        'no', pg."no", 'yes', pg."yes", 'strongYes', pg."strongYes", 'competencyIds', pg."competencyIds",
        'sums', pg."sums", 'counts', pg."counts", 'notAssessed', pg."notAssessed", 'weightedScore', pg."weightedScore",
        'seg', pg."seg", 'cursorKey', pg."key"::text, 'vacancy', v."title", 'outcome', lo."outcome",
        'outcomeStage', coalesce(lo."stage", cs."name"), 'staffMean', st."staff", 'externalMean', st."external",
        'serviceUserMean', st."serviceUser") ORDER BY ${pageOrder}), '[]')::text AS "json"
      FROM (
        SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) u
        ORDER BY u."seg" ${segOrder}, u."key" ${order}, u."candidateId" ${order}
        LIMIT ${limit}
      ) pg
      JOIN "Vacancy" v ON v."id" = pg."vacancyId"
      ${latestOutcomeJoins(actor, Prisma.raw("pg"))}
      ${strandMeansJoin(actor, query, Prisma.raw("pg"))}`,
  };
}

/**
 * Each page row's mean rating per strand (issue 23): every rating (not "not assessed") on the scorecards in
 * scope under the same filters, by the strand of the panelist's seat (staff when the seat has none). A
 * lateral join over the page's rows only (at most a page and one), each reached by index (Interview by
 * candidate, Scorecard by interview, PanelMember by its key, Rating by scorecard), so the page stays one
 * statement that reads about a page of candidates' ratings whatever the size of the organisation.
 */
function strandMeansJoin(actor: Actor, filters: InsightFilters, page: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
      SELECT avg(rt."score") FILTER (WHERE sm."strand" = 'STAFF')::float8 AS "staff",
        avg(rt."score") FILTER (WHERE sm."strand" = 'EXTERNAL')::float8 AS "external",
        avg(rt."score") FILTER (WHERE sm."strand" = 'SERVICE_USER')::float8 AS "serviceUser"
      FROM "Scorecard" sc
      JOIN "Interview" i ON i."id" = sc."interviewId"
      JOIN "Candidate" c ON c."id" = i."candidateId"
      JOIN "ScriptVersion" v ON v."id" = i."scriptVersionId"
      LEFT JOIN "PanelMember" spm ON spm."interviewId" = sc."interviewId" AND spm."userId" = sc."panelistId"
      CROSS JOIN LATERAL (SELECT coalesce(spm."strand"::text, 'STAFF') AS "strand") sm
      JOIN "Rating" rt ON rt."scorecardId" = sc."id" AND rt."score" IS NOT NULL AND NOT rt."notAssessed"
      WHERE i."candidateId" = ${page}."candidateId" AND ${scopeConditions(actor, filters, { candidatesInScope: true })}
    ) st ON TRUE`;
}

/** How many candidates the filters match, every page together. */
export function comparisonTotalQuery(actor: Actor, filters: InsightFilters, pending: string[]): Prisma.Sql {
  const counts = rowSources(actor, filters, "score", pending).map((source) => Prisma.sql`(SELECT count(*) FROM (${source}) r)`);
  return Prisma.sql`SELECT (${Prisma.join(counts, " + ")})::int AS "total"`;
}

const pageRowSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  vacancyId: z.string(),
  status: z.enum(CandidateStatus),
  interviews: z.number().int(),
  scorecards: z.number().int(),
  strongNo: z.number().int(),
  no: z.number().int(),
  yes: z.number().int(),
  strongYes: z.number().int(),
  competencyIds: z.array(z.string()),
  sums: z.array(z.number().int()),
  counts: z.array(z.number().int()),
  notAssessed: z.array(z.number().int()),
  weightedScore: z.number().nullable(),
  seg: z.number().int(),
  cursorKey: z.string().nullable(),
  vacancy: z.string(),
  outcome: z.enum(DecisionOutcome).nullable(),
  outcomeStage: z.string().nullable(),
  staffMean: z.number().nullable(),
  externalMean: z.number().nullable(),
  serviceUserMean: z.number().nullable(),
});
type PageRow = z.output<typeof pageRowSchema>;
const totalRowSchema = z.object({ total: z.number().int() });
const jsonRowSchema = z.object({ json: z.string() });

const cursorOf = (row: PageRow): string => encodeCursor({ seg: row.seg === 1 ? 1 : 0, key: row.cursorKey, id: row.candidateId });

/** The competencies any candidate matching the filters was rated on (the columns of the full export). */
export async function comparisonCompetencyIds(db: Db, actor: Actor, filters: InsightFilters, pending: string[]): Promise<string[]> {
  const sources = rowSources(actor, filters, "score", pending).map(
    (source) => Prisma.sql`SELECT x."id" FROM (${source}) r, unnest(r."competencyIds") AS x("id")`,
  );
  const rows = await db.$queryRaw(Prisma.sql`SELECT DISTINCT u."id" FROM (${Prisma.join(sources, " UNION ALL ")}) u`);
  return checkedRows(idRowSchema, rows).map((r) => r.id);
}

export type RawPage = { rows: PageRow[]; next: string | null; previous: string | null };

/** One page's rows in order, and the cursors of its neighbours (null at either end). */
export async function readComparisonPage(db: Db, actor: Actor, query: ComparisonPageQuery, pending: string[]): Promise<RawPage> {
  const { sql, backward } = comparisonPageQuery(actor, query, pending);
  const raw = checkedRows(jsonRowSchema, await db.$queryRaw(sql));
  const fetched = checkedRows(pageRowSchema, JSON.parse(raw[0]!.json));
  const more = fetched.length > query.pageSize;
  const inTravel = more ? fetched.slice(0, query.pageSize) : fetched;
  const rows = backward ? inTravel.reverse() : inTravel;
  // Forward, a previous page exists when we came from one; backward, the page we came from is next.
  const hasNext = backward || more;
  const hasPrevious = backward ? more : query.after !== undefined && decodeCursor(query.after) !== null;
  const first = rows[0];
  const last = rows.at(-1);
  return { rows, next: hasNext && last ? cursorOf(last) : null, previous: hasPrevious && first ? cursorOf(first) : null };
}

/** The competencies among `ids`, in the comparison's order (the catalogue's, then by name). */
export async function competencyColumns(db: Db, actor: Actor, ids: ReadonlySet<string>): Promise<Array<{ id: string; name: string }>> {
  const rows = await db.competency.findMany({
    where: { id: { in: [...ids] }, OR: [{ orgId: null }, { orgId: actor.orgId }] },
    select: { id: true, name: true, sortOrder: true },
  });
  return rows
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map(({ id, name }) => ({ id, name }));
}

/** Rows as the page and the export use them: figures aligned with `competencies`, blind labels in place of names. */
export function alignRows(rows: PageRow[], competencies: ReadonlyArray<{ id: string }>, labels: Map<string, string> | null): ComparisonPageRow[] {
  const columnOf = new Map(competencies.map((c, i) => [c.id, i]));
  const width = competencies.length;
  return rows.map((row) => {
    const sums = new Array<number>(width).fill(0);
    const counts = new Array<number>(width).fill(0);
    const notAssessed = new Array<number>(width).fill(0);
    row.competencyIds.forEach((id, i) => {
      const column = columnOf.get(id);
      if (column === undefined) return;
      sums[column] = row.sums[i]!;
      counts[column] = row.counts[i]!;
      notAssessed[column] = row.notAssessed[i]!;
    });
    return {
      candidateId: row.candidateId,
      label: labels ? (labels.get(row.candidateId) ?? "Candidate") : row.name,
      vacancyId: row.vacancyId,
      vacancy: row.vacancy,
      status: row.status,
      createdAt: row.createdAt,
      outcome: row.outcome,
      outcomeStage: row.outcomeStage,
      interviews: row.interviews,
      scorecards: row.scorecards,
      weightedScore: row.weightedScore,
      sums,
      counts,
      notAssessed,
      recommendations: { STRONG_NO: row.strongNo, NO: row.no, YES: row.yes, STRONG_YES: row.strongYes },
      strandMeans: { STAFF: row.staffMean, EXTERNAL: row.externalMean, SERVICE_USER: row.serviceUserMean },
    };
  });
}

/** One page of the organisation-wide comparison, with the total, the page's competency columns and cursors. */
export async function listComparisonPage(db: Db, actor: Actor, query: ComparisonPageQuery): Promise<ComparisonPage> {
  requirePermission(actor, "insights:read");
  const pending = await pendingCandidates(db, actor);
  const [page, [total], withheld] = await Promise.all([
    readComparisonPage(db, actor, query, pending),
    db.$queryRaw(comparisonTotalQuery(actor, query, pending)).then((rows) => checkedRows(totalRowSchema, rows)),
    withheldFromPendingSeats(db, actor, { candidateWhere: candidateConditions(actor, query) }),
  ]);
  // The page's columns: the competencies its candidates were rated on (and the one it is sorted by).
  const used = new Set(page.rows.flatMap((r) => r.competencyIds));
  if (query.sort === "competency" && query.competencyId) used.add(query.competencyId);
  const [competencies, labels] = await Promise.all([
    competencyColumns(db, actor, used),
    query.blind ? loadBlindLabels(db, actor.orgId, page.rows.map((r) => r.candidateId)) : null,
  ]);
  return {
    competencies,
    rows: alignRows(page.rows, competencies, labels),
    total: total?.total ?? 0,
    next: page.next,
    previous: page.previous,
    withheld,
  };
}
