// npm run db:restore -- <file>: replaces DATABASE_URL's database (or the embedded one) with a backup, in a
// new database swapped in at the end; refuses damaged or foreign files and databases ahead of the backup.
import path from "node:path";
import { withBackupTarget } from "./lib/backup-target";
import { restoreDatabase } from "./lib/restore-database";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("usage: npm run db:restore -- <file>");
  process.exit(2);
}
try {
  await withBackupTarget(async (url, describe) => {
    console.log(`Restoring ${file} into ${describe}...`);
    const result = await restoreDatabase(url, path.resolve(file), { log: (line) => console.log(`  ${line}`) });
    console.log(`Restored ${result.rows} rows in ${result.tables} tables into "${result.database}".`);
    if (result.previous) {
      console.log(`The database as it was before is kept as "${result.previous}"; once you are satisfied, drop it: DROP DATABASE "${result.previous}";`);
    }
  });
} catch (error) {
  console.error(`Restore refused or failed; the database is as it was. ${(error as Error).message}`);
  process.exit(1);
}
