// The bare-HTTP floor for save_rating: a node:http server (run as its own process, so the load generator
// doesn't share its event loop) that takes the scoring screen's request, parses the same tRPC batch body,
// looks the session cookie up in a table instead of decoding a JWT, runs the app's SQL with `pg` and
// answers in tRPC's shape. Env: DATABASE_URL, PORT, BENCH_SESSIONS (a JSON file: cookie → member).
import { readFileSync } from "node:fs";
import http from "node:http";
import pg from "pg";
import type { MemberRef } from "../../src/server/services/actor";
import { saveRatingStatement, type RatingWrite } from "./save-rating-sql";

const sessions = new Map<string, MemberRef>(Object.entries(JSON.parse(readFileSync(process.env.BENCH_SESSIONS!, "utf8")) as Record<string, MemberRef>));
// The same pool size as the app's Prisma adapter (src/server/db.ts).
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

function reply(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
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
