// npm run db:backup -- <file>: a backup of DATABASE_URL's database, or of the embedded one (see backup-file.ts).
import path from "node:path";
import { backupDatabase } from "./lib/backup-database";
import { withBackupTarget } from "./lib/backup-target";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("usage: npm run db:backup -- <file>   (e.g. panelkit-2026-12-04.backup)");
  process.exit(2);
}
try {
  await withBackupTarget(async (url, describe) => {
    console.log(`Backing up ${describe}...`);
    const result = await backupDatabase(url, path.resolve(file));
    console.log(`Wrote ${result.file}: ${result.rows} rows in ${result.tables} tables, ${result.migrations} migrations.`);
  });
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
