// One statement against the browser tests' database (what the demo seed wrote, or a row a spec needs that no
// page makes quickly), on a connection of its own.
import pg from "pg";

export async function queryE2eDb<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}
