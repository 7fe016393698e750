// The bare-HTTP floors: a node:http server (run as its own process, so the load generator doesn't share its
// event loop) doing the app's SQL with `pg` and answering in tRPC's shape, without tRPC, Next.js or Prisma.
// - save_rating (POST): takes the scoring screen's request, parses the same tRPC batch body and looks the
//   session cookie up in a table instead of decoding a JWT.
// - compare (GET /compare?actor=<JSON Actor>&filters=<JSON>): runs the comparison's two statements and sends
//   their JSON texts (with the vacancies' titles and the versions' weights they answer) in the app's answer,
//   gzip-compressed at the app's level when the client accepts it. What the app adds on top (session,
//   membership, competency names and column headers, withheld scorecards, tRPC) is its own cost.
// Env: DATABASE_URL, PORT, BENCH_SESSIONS (a JSON file: cookie → member; saves only).
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import type { Actor, MemberRef } from "../../src/server/services/actor";
import { compressForClient } from "../../src/server/http/compression";
import { compareQueries, type CompareInput } from "../../src/server/services/insights/_shared/compare-queries";
import { saveRatingStatement, type RatingWrite } from "./save-rating-sql";

const sessions = new Map<string, MemberRef>(
  process.env.BENCH_SESSIONS ? Object.entries(JSON.parse(readFileSync(process.env.BENCH_SESSIONS, "utf8")) as Record<string, MemberRef>) : [],
);
// The same pool size as the app's Prisma adapter (src/server/db.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function reply(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** The comparison: both statements at once, their JSON texts passed on in the app's answer. */
async function compare(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const actor = JSON.parse(url.searchParams.get("actor")!) as Actor;
  const filters = JSON.parse(url.searchParams.get("filters")!) as CompareInput;
  const queries = compareQueries(actor, filters);
  const [candidates, cells] = await Promise.all([
    pool.query<{ json: string; versionIds: string; vacancies: string; weights: string }>(queries.candidates.text, queries.candidates.values),
    pool.query<{ lists: string; json: string }>(queries.cells.text, queries.cells.values),
  ]);
  const data = {
    candidates: candidates.rows[0]!.json,
    vacancies: JSON.parse(candidates.rows[0]!.vacancies) as unknown,
    weights: JSON.parse(candidates.rows[0]!.weights) as unknown,
    groupColumns: JSON.parse(cells.rows[0]!.lists) as unknown,
    groups: cells.rows[0]!.json,
  };
  // Compressed by the app's own rule.
  const { body, encoding } = await compressForClient(Buffer.from(JSON.stringify([{ result: { data: { json: data } } }])), req.headers["accept-encoding"]);
  const headers: http.OutgoingHttpHeaders = { "content-type": "application/json", "content-length": body.byteLength };
  if (encoding) headers["content-encoding"] = encoding;
  res.writeHead(200, headers);
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method === "GET") {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/compare") {
      compare(req, res, url).catch((error: unknown) => reply(res, 500, [{ error: { json: { message: (error as Error).message } } }]));
      return;
    }
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    void (async () => {
      try {
        const member = sessions.get(req.headers.cookie ?? "");
        if (!member) return reply(res, 401, [{ error: { json: { message: "Sign in" } } }]);
        const input = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { 0: { json: RatingWrite } })[0].json;
        const sql = saveRatingStatement(member, input);
        const { rows } = await pool.query<{ version: number; scorecardVersion: number }>(sql.text, sql.values);
        const written = rows[0];
        // Nothing written: answer with the cell's current value, as the app does.
        const current = written
          ? null
          : await pool.query<{ score: number | null; notAssessed: boolean; version: number }>(
              `SELECT score, "notAssessed", version FROM "Rating" WHERE "scorecardId" = $1 AND "itemId" = $2 AND "competencyId" = $3`,
              [input.scorecardId, input.itemId, input.competencyId],
            );
        const data = written
          ? { status: "saved", version: written.version, scorecardVersion: written.scorecardVersion }
          : { status: "conflict", server: current!.rows[0] ?? { score: null, notAssessed: false, version: 0 } };
        reply(res, 200, [{ result: { data: { json: data } } }]);
      } catch (error) {
        reply(res, 500, [{ error: { json: { message: (error as Error).message } } }]);
      }
    })();
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
