// npm run db:seed [-- --demo]
// Applies migrations and seeds the built-in banks into DATABASE_URL. --demo also adds the demo organisation.
import { prepareDatabase } from "./lib/prepare-database";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (`npm start` seeds the embedded database by itself.)");
  process.exit(2);
}
try {
  await prepareDatabase(url, { demo: process.argv.includes("--demo") ? "always" : "never", log: console.log });
} catch (error) {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exit(1);
}
