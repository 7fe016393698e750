// What the people who run Panelkit rely on: the admins' Jobs page (queued and failed background work, with
// the reason) and the Prometheus endpoint (bearer token; latency per procedure, SSE, queue, database pool).
import pg from "pg";
import { expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test("admins see failed background jobs with the reason", async ({ page }) => {
  // Two sign-in page loads and the Interviews page, each audited by axe: over 30 s on this shared 2-core machine under load.
  test.setTimeout(90_000);
  // A notification for the demo organisation whose every attempt failed (as when the mail server refuses).
  const jobId = await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; orgId: string }>(
      `SELECT j.id::text AS id FROM "Organization" o,
         LATERAL graphile_worker.add_job('send-email', json_build_object('kind', 'invitation', 'orgId', o.id, 'invitationId', 'e2e-missing', 'token', 'x'),
           run_at := now() + interval '1 day', max_attempts := 3) j
       WHERE o."isDemo"`,
    );
    await client.query(
      `UPDATE graphile_worker._private_jobs SET attempts = 3, last_error = 'SMTP 550: Message failed: 550 mailbox unavailable' WHERE id = $1`,
      [rows[0]!.id],
    );
    return rows[0]!.id;
  });
  try {
    await signIn(page, "admin@riverside.example", DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
    await expect(page.getByRole("heading", { name: "Background jobs" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Jobs by state" })).toContainText("Failed: 1");
    const row = page.getByTestId("job-row").filter({ hasText: `#${jobId}` });
    await expect(row).toContainText("Email (invitation)");
    await expect(row).toContainText("Failed");
    await expect(row).toContainText("3 of 3");
    await expect(row).toContainText("retried 2×");
    await expect(row).toContainText("SMTP 550: Message failed: 550 mailbox unavailable");
  } finally {
    await withDatabase((client) => client.query(`DELETE FROM graphile_worker._private_jobs WHERE id = $1`, [jobId]));
  }

});

test("interviewers have no Jobs page", async ({ page }) => {
  await signIn(page, "interviewer1@riverside.example", DEMO_PASSWORD);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
  await page.goto("/jobs");
  await expect(page.getByText("Only admins see the background jobs.")).toBeVisible();
});

test("/api/metrics answers Prometheus only with the bearer token", async ({ request }) => {
  const token = process.env.E2E_METRICS_TOKEN!;
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token-at-all" } })).status()).toBe(401);

  // A procedure call to measure (served by the API server, as every tRPC call in production).
  expect((await request.get("/api/trpc/auth.signInOptions")).status()).toBe(200);
  const response = await request.get("/api/metrics", { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  expect(text).toMatch(/^panelkit_trpc_procedure_duration_seconds_count\{procedure="auth\.signInOptions",type="query",outcome="ok"\} [1-9]/m);
  expect(text).toMatch(/^panelkit_trpc_procedure_duration_seconds_bucket\{le="0\.005",procedure="auth\.signInOptions"/m);
  expect(text).toMatch(/^panelkit_sse_connections \d+$/m);
  expect(text).toMatch(/^panelkit_db_pool_connections\{state="total"\} \d+$/m);
  expect(text).toContain("# TYPE panelkit_jobs gauge");
  expect(text).toContain("# TYPE panelkit_job_failures_total counter");
  expect(text).toContain("# TYPE panelkit_rating_saves_total counter");
  expect(text).toMatch(/^panelkit_process_resident_memory_bytes \d+/m);
});
