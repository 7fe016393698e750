// Bench data, written straight into the app's tables with bulk SQL (ids are made up here; the app's own
// rows use cuids, which the app never parses). Everything lives in organisations whose ids start "bench-".
import pg from "pg";
import { seededRandom } from "../../src/lib/seeded-random";

export type CellRef = { itemId: string; competencyId: string };
export type ScriptShape = { questions: number; competenciesPerQuestion: number[] };
export type SeededScript = { scriptId: string; versionId: string; cells: CellRef[] };


export async function builtinCompetencies(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM "Competency" WHERE "orgId" IS NULL AND NOT archived ORDER BY "sortOrder", id`,
  );
  if (rows.length < 3) throw new Error("The built-in competencies are missing; prepareDatabase should have seeded them.");
  return rows.map((r) => r.id);
}

/**
 * A vacancy whose plan is `stages` (name and script version, in order), managed by `managerId`; returns the
 * stage ids in order.
 */
export async function createVacancy(
  client: pg.ClientBase,
  orgId: string,
  vacancyId: string,
  title: string,
  stages: ReadonlyArray<{ name: string; versionId: string }>,
  managerId: string | null,
): Promise<string[]> {
  await client.query(`INSERT INTO "Vacancy" (id, "orgId", title, "updatedAt") VALUES ($1, $2, $3, now())`, [vacancyId, orgId, title]);
  if (managerId) await client.query(`INSERT INTO "VacancyManager" ("vacancyId", "userId") VALUES ($1, $2)`, [vacancyId, managerId]);
  const ids = stages.map((_, i) => `${vacancyId}-st${i + 1}`);
  await client.query(
    `INSERT INTO "VacancyStage" (id, "vacancyId", position, name, "scriptVersionId")
     SELECT s.id, $1, s.n::int, s.name, s.version FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS s(id, name, version, n)`,
    [vacancyId, ids, stages.map((s) => s.name), stages.map((s) => s.versionId)],
  );
  return ids;
}

/** Candidates `${prefix}-c1..n` with one person each (`…-p`), for a vacancy at a stage; `#` in the name is n. */
async function createCandidates(
  client: pg.ClientBase,
  args: { orgId: string; prefix: string; count: number; vacancyId: string; stageId: string; name: string; statusSql?: string },
) {
  await client.query(`INSERT INTO "Person" (id, "orgId") SELECT $1 || '-c' || g || '-p', $2 FROM generate_series(1, $3::int) g`, [
    args.prefix,
    args.orgId,
    args.count,
  ]);
  await client.query(
    `INSERT INTO "Candidate" (id, "orgId", name, "vacancyId", "stageId", "personId", status, "updatedAt")
     SELECT $1 || '-c' || g, $2, replace($3, '#', g::text), $4, $5, $1 || '-c' || g || '-p', (${args.statusSql ?? "'ACTIVE'"})::"CandidateStatus", now()
     FROM generate_series(1, $6::int) g`,
    [args.prefix, args.orgId, args.name, args.vacancyId, args.stageId, args.count],
  );
}

export async function createOrg(client: pg.ClientBase, id: string, name: string) {
  await client.query(
    `INSERT INTO "Organization" (id, name, slug, "updatedAt") VALUES ($1, $2, $1, now())`,
    [id, name],
  );
}

/** Users with one shared password hash, members of `orgId` with `role`. */
export async function createUsers(
  client: pg.ClientBase,
  orgId: string,
  role: "ADMIN" | "HIRING_MANAGER" | "INTERVIEWER" | "HR",
  emails: string[],
  passwordHash: string,
): Promise<string[]> {
  const ids = emails.map((e) => `${orgId}-u-${e.split("@")[0]}`);
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
     SELECT u.id, u.email, initcap(split_part(u.email, '@', 1)), $3, now() FROM unnest($1::text[], $2::text[]) AS u(id, email)`,
    [ids, emails, passwordHash],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "orgId", "userId", role) SELECT u.id || '-m', $1, u.id, $3::"Role" FROM unnest($2::text[]) AS u(id)`,
    [orgId, ids, role],
  );
  return ids;
}

/** A script with one version of `shape.questions` items in four sections, each rating 1..3 competencies. */
export async function createScript(
  client: pg.ClientBase,
  orgId: string,
  key: string,
  role: string,
  shape: ScriptShape,
  competencies: string[],
  options: { status: "DRAFT" | "PUBLISHED"; createdById: string | null },
): Promise<SeededScript> {
  const scriptId = `${orgId}-s-${key}`;
  const versionId = `${scriptId}-v1`;
  await client.query(
    `INSERT INTO "InterviewScript" (id, "orgId", title, role, status, "createdById", "updatedAt")
     VALUES ($1, $2, $3, $4, $5::"ScriptStatus", $6, now())`,
    [scriptId, orgId, `${role} interview`, role, options.status, options.createdById],
  );
  await client.query(
    `INSERT INTO "ScriptVersion" (id, "scriptId", version, "publishedAt") VALUES ($1, $2, 1, $3)`,
    [versionId, scriptId, options.status === "PUBLISHED" ? new Date() : null],
  );
  const sections = ["Opening", "Practice", "Crisis", "Closing"].map((title, i) => ({ id: `${versionId}-sec${i}`, title, i }));
  await client.query(
    `INSERT INTO "ScriptSection" (id, "versionId", position, title) SELECT s.id, $1, s.pos, s.title
     FROM unnest($2::text[], $3::int[], $4::text[]) AS s(id, pos, title)`,
    [versionId, sections.map((s) => s.id), sections.map((s) => s.i), sections.map((s) => s.title)],
  );
  const items = Array.from({ length: shape.questions }, (_, q) => ({
    id: `${versionId}-q${q}`,
    sectionId: sections[Math.floor((q * sections.length) / shape.questions)]!.id,
    position: q,
  }));
  await client.query(
    `INSERT INTO "ScriptItem" (id, "sectionId", position, text) SELECT i.id, i.sec, i.pos, 'Tell us about a time you ' || i.pos
     FROM unnest($1::text[], $2::text[], $3::int[]) AS i(id, sec, pos)`,
    [items.map((i) => i.id), items.map((i) => i.sectionId), items.map((i) => i.position)],
  );
  const cells: CellRef[] = [];
  items.forEach((item, q) => {
    const count = shape.competenciesPerQuestion[q % shape.competenciesPerQuestion.length]!;
    for (let k = 0; k < count; k++) cells.push({ itemId: item.id, competencyId: competencies[(q + k * 3) % competencies.length]! });
  });
  await client.query(
    `INSERT INTO "ScriptItemCompetency" ("itemId", "competencyId", position)
     SELECT c.item, c.comp, (row_number() OVER (PARTITION BY c.item ORDER BY c.n))::int - 1
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS c(item, comp, n)`,
    [cells.map((c) => c.itemId), cells.map((c) => c.competencyId)],
  );
  const targets = [...new Set(cells.map((c) => c.competencyId))];
  const base = Math.floor(100 / targets.length);
  await client.query(
    `INSERT INTO "ScriptVersionCompetency" ("versionId", "competencyId", weight, position)
     SELECT $1, t.comp, CASE WHEN t.n = 1 THEN $3::int ELSE $4::int END, t.n::int - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(comp, n)`,
    [versionId, targets, 100 - base * (targets.length - 1), base],
  );
  return { scriptId, versionId, cells };
}

export type LivePanelist = { email: string; userId: string; scorecardId: string; interviewId: string };
export type LiveOrg = {
  orgId: string;
  panelists: LivePanelist[];
  cells: CellRef[];
  adminEmail: string;
  builderScriptId: string;
};

/** The live-scoring organisation: `panelists` interviewers, panels of four, each with a DRAFT scorecard. */
export async function seedLiveOrg(client: pg.ClientBase, panelists: number, passwordHash: string): Promise<LiveOrg> {
  const orgId = "bench-live";
  const competencies = await builtinCompetencies(client);
  await createOrg(client, orgId, "Bench live scoring");
  const [adminId] = await createUsers(client, orgId, "ADMIN", ["bench-admin@bench.example"], passwordHash);
  const emails = Array.from({ length: panelists }, (_, i) => `bench-panelist${i + 1}@bench.example`);
  const userIds = await createUsers(client, orgId, "INTERVIEWER", emails, passwordHash);
  const shape = { questions: 12, competenciesPerQuestion: [2, 1, 3, 2] };
  const script = await createScript(client, orgId, "live", "Support Worker", shape, competencies, { status: "PUBLISHED", createdById: adminId! });
  const builder = await createScript(client, orgId, "draft", "Crisis Worker", shape, competencies, { status: "DRAFT", createdById: adminId! });
  const interviews = Math.ceil(panelists / 4);
  const [stageId] = await createVacancy(client, orgId, `${orgId}-v`, "Support Worker", [{ name: "Panel interview", versionId: script.versionId }], adminId!);
  await createCandidates(client, { orgId, prefix: orgId, count: interviews, vacancyId: `${orgId}-v`, stageId: stageId!, name: "Live candidate #" });
  await client.query(
    `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", "updatedAt")
     SELECT $1 || '-i' || g, $1, $1 || '-c' || g, $3, $4, now(), now() FROM generate_series(1, $2::int) g`,
    [orgId, interviews, script.versionId, stageId],
  );
  const seats = userIds.map((userId, i) => ({
    userId,
    email: emails[i]!,
    interviewId: `${orgId}-i${Math.floor(i / 4) + 1}`,
    scorecardId: `${orgId}-sc${i + 1}`,
  }));
  await client.query(
    `INSERT INTO "PanelMember" ("interviewId", "userId") SELECT * FROM unnest($1::text[], $2::text[])`,
    [seats.map((s) => s.interviewId), seats.map((s) => s.userId)],
  );
  await client.query(
    `INSERT INTO "Scorecard" (id, "orgId", "interviewId", "panelistId", "updatedAt")
     SELECT s.id, $1, s.interview, s.panelist, now() FROM unnest($2::text[], $3::text[], $4::text[]) AS s(id, interview, panelist)`,
    [orgId, seats.map((s) => s.scorecardId), seats.map((s) => s.interviewId), seats.map((s) => s.userId)],
  );
  return { orgId, panelists: seats, cells: script.cells, adminEmail: "bench-admin@bench.example", builderScriptId: builder.scriptId };
}

export type CompareOrg = {
  orgId: string;
  key: string;
  targetRatings: number;
  ratings: number;
  vacancies: Array<{ vacancyId: string; title: string; candidates: number; panel: number; questions: number; cells: number }>;
  largestVacancyId: string;
  sampleCandidateId: string;
  hrEmail: string;
  managerId: string;
  managerEmail: string;
  interviewerIds: string[];
};

/**
 * An organisation with about `targetRatings` submitted ratings in realistic shapes: vacancies of 50 to
 * 2,000 candidates (the largest first, capped at 2,000), panels of 3–5 from a pool of twelve
 * interviewers, scripts of 8–20 questions rating 1–3 competencies each, about 4% of cells "not assessed".
 */
export async function seedCompareOrg(
  client: pg.ClientBase,
  key: string,
  targetRatings: number,
  passwordHash: string,
): Promise<CompareOrg> {
  const orgId = `bench-cmp-${key}`;
  const competencies = await builtinCompetencies(client);
  const random = seededRandom(targetRatings);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  await createOrg(client, orgId, `Bench comparison ${key}`);
  const hrEmail = `bench-hr-${key}@bench.example`;
  await createUsers(client, orgId, "HR", [hrEmail], passwordHash);
  const managerEmail = `bench-manager-${key}@bench.example`;
  const [managerId] = await createUsers(client, orgId, "HIRING_MANAGER", [managerEmail], passwordHash);
  const pool = await createUsers(
    client,
    orgId,
    "INTERVIEWER",
    Array.from({ length: 12 }, (_, i) => `bench-${key}-interviewer${i + 1}@bench.example`),
    passwordHash,
  );
  const vacancies: CompareOrg["vacancies"] = [];
  let remaining = targetRatings;
  let first = true;
  let largest = 0;
  while (remaining > 0) {
    const shape: ScriptShape = {
      questions: between(8, 20),
      competenciesPerQuestion: Array.from({ length: 7 }, () => between(1, 3)),
    };
    const panel = between(3, 5);
    const title = `Vacancy ${vacancies.length + 1}`;
    const script = await createScript(client, orgId, `p${vacancies.length + 1}`, title, shape, competencies, {
      status: "PUBLISHED",
      createdById: managerId!,
    });
    const perCandidate = panel * script.cells.length;
    const affordable = Math.floor(remaining / perCandidate);
    let candidates = first ? Math.round((targetRatings * 0.3) / perCandidate) : between(50, Math.max(50, largest));
    candidates = Math.max(50, Math.min(2000, candidates, first ? 2000 : largest, Math.max(affordable, 1)));
    if (!first && affordable < 50) candidates = affordable; // the remainder, if any
    if (candidates <= 0) break;
    if (first) largest = candidates;
    first = false;
    const prefix = `${orgId}-p${vacancies.length + 1}`;
    const panelIds = Array.from({ length: panel }, (_, i) => pool[(vacancies.length * 2 + i) % pool.length]!);
    const vacancyId = `${prefix}-v`;
    const [stageId] = await createVacancy(client, orgId, vacancyId, title, [{ name: "Panel interview", versionId: script.versionId }], managerId!);
    await createCandidates(client, {
      orgId,
      prefix,
      count: candidates,
      vacancyId,
      stageId: stageId!,
      name: `Candidate # for ${title}`,
      statusSql: "CASE WHEN g % 10 = 0 THEN 'HIRED' WHEN g % 3 = 0 THEN 'REJECTED' ELSE 'ACTIVE' END",
    });
    await client.query(
      `INSERT INTO "Interview" (id, "orgId", "candidateId", "scriptVersionId", "stageId", "scheduledAt", status, "updatedAt")
       SELECT $1 || '-i' || g, $2, $1 || '-c' || g, $3, $5, timestamp '2026-01-05 09:00' + g * interval '47 minutes', 'COMPLETED', now()
       FROM generate_series(1, $4::int) g`,
      [prefix, orgId, script.versionId, candidates, stageId],
    );
    await client.query(
      `INSERT INTO "PanelMember" ("interviewId", "userId")
       SELECT $1 || '-i' || g, p.id FROM generate_series(1, $2::int) g CROSS JOIN unnest($3::text[]) AS p(id)`,
      [prefix, candidates, panelIds],
    );
    await client.query(
      `INSERT INTO "Scorecard" (id, "orgId", "interviewId", "panelistId", status, version, recommendation, summary, "startedAt", "submittedAt", "updatedAt")
       SELECT $1 || '-s' || g || '-' || p.n, $2, $1 || '-i' || g, p.id, 'SUBMITTED', 30,
         (ARRAY['STRONG_NO','NO','YES','STRONG_YES'])[1 + abs(hashtext($1 || g || p.n)) % 4]::"Recommendation", 'Summary',
         timestamp '2026-01-05 09:00' + g * interval '47 minutes', timestamp '2026-01-05 10:00' + g * interval '47 minutes', now()
       FROM generate_series(1, $3::int) g CROSS JOIN unnest($4::text[]) WITH ORDINALITY AS p(id, n)`,
      [prefix, orgId, candidates, panelIds],
    );
    await client.query(
      `INSERT INTO "Rating" (id, "scorecardId", "itemId", "competencyId", score, "notAssessed", "updatedAt")
       SELECT sc.id || '-' || cell.n, sc.id, cell.item, cell.comp,
         CASE WHEN h % 25 = 0 THEN NULL ELSE 1 + h % 4 END, h % 25 = 0, now()
       FROM (SELECT $1 || '-s' || g || '-' || p AS id FROM generate_series(1, $2::int) g CROSS JOIN generate_series(1, $3::int) p) sc
       CROSS JOIN unnest($4::text[], $5::text[]) WITH ORDINALITY AS cell(item, comp, n)
       CROSS JOIN LATERAL (SELECT abs(hashtext(sc.id || cell.n)) AS h) hh`,
      [prefix, candidates, panel, script.cells.map((c) => c.itemId), script.cells.map((c) => c.competencyId)],
    );
    vacancies.push({ vacancyId, title, candidates, panel, questions: shape.questions, cells: script.cells.length });
    remaining -= candidates * perCandidate;
    if (affordable < 50) break;
  }
  const ratings = vacancies.reduce((sum, v) => sum + v.candidates * v.panel * v.cells, 0);
  return {
    orgId,
    key,
    targetRatings,
    ratings,
    vacancies,
    largestVacancyId: vacancies[0]!.vacancyId,
    sampleCandidateId: `${orgId}-p1-c${Math.ceil(vacancies[0]!.candidates / 2)}`,
    hrEmail,
    managerId: managerId!,
    managerEmail,
    interviewerIds: pool,
  };
}

/**
 * Columns the database's row triggers write, which bulk seeding (session_replication_role = replica) skips:
 * each scorecard's vacancy (the scorecard_vacancy_fill trigger). The same statement as the migration's backfill.
 */
export async function fillTriggerColumns(client: pg.ClientBase): Promise<void> {
  await client.query(`UPDATE "Scorecard" sc SET "vacancyId" = c."vacancyId"
    FROM "Interview" i JOIN "Candidate" c ON c."id" = i."candidateId"
    WHERE sc."interviewId" = i."id" AND sc."vacancyId" IS DISTINCT FROM c."vacancyId"`);
}
