// `npm run lint` runs this first: fails when a message is missing in a language, when code uses a key that
// no message file has, or when a message is not valid ICU. See scripts/lib/check-i18n.ts.
import path from "node:path";
import { checkI18n } from "./lib/check-i18n";

const root = path.resolve(import.meta.dirname, "..");
const problems = checkI18n({ root, messagesDir: path.join(root, "src", "i18n", "messages"), sourceDirs: [path.join(root, "src")] });
for (const problem of problems) console.error(`i18n: ${problem.where}: ${problem.detail}`);
if (problems.length) {
  console.error(`i18n: ${problems.length} problem(s). Add the message to every language under src/i18n/messages/<locale>/.`);
  process.exit(1);
}
console.log("i18n: every message in every language, every key used present.");
