// npm run bank:import -- <file> [--bank "Name"] [--org <slug>] [--texts texts.json] [--dry-run] [--json]
// Reads a question bank (an interview-preparation article as plain text, Markdown, HTML or Word .docx, or a
// CSV/.xlsx sheet with columns such as question, what it assesses, guidance, example, competencies; chosen by
// the file's content and extension), suggests competencies and reports every problem with where it is.
// Without --dry-run it stores the bank in DATABASE_URL: built-in (every organisation) or, with --org, one
// organisation's. --texts gives question sentences for articles without question lines: {"1": "How do you…?"}.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BankFileRefusal } from "../src/lib/bank-article/formats/file-limits";
import { prepareBankFile, type BankFilePreview } from "../src/lib/bank-article/formats/prepare-bank-file";
import { blockingProblems } from "../src/lib/bank-article/prepare-import";
import { importBank } from "../src/server/services/banks/import-bank";
import { readCompetencySeeds } from "../src/server/services/seed/seed-files";
import { prismaFor } from "./lib/prisma-for-scripts";

const usage = 'Usage: npm run bank:import -- <file> [--bank "Name"] [--org <slug>] [--texts texts.json] [--dry-run] [--json]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      bank: { type: "string" },
      org: { type: "string" },
      texts: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const file = args.positionals[0];
if (!file || args.positionals.length > 1) fail(usage);

let source: Uint8Array;
try {
  source = new Uint8Array(readFileSync(file));
} catch (error) {
  fail(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
}

let curated: Map<number, string> | undefined;
if (args.values.texts) {
  try {
    const raw = JSON.parse(readFileSync(args.values.texts, "utf8")) as Record<string, unknown>;
    curated = new Map(
      Object.entries(raw).map(([key, value]) => {
        if (!/^\d+$/.test(key) || typeof value !== "string") throw new Error(`entry "${key}" must map a number to a sentence`);
        return [Number(key), value];
      }),
    );
  } catch (error) {
    fail(`--texts ${args.values.texts}: ${(error as Error).message}`);
  }
}

const competencies = readCompetencySeeds();
let prepared: BankFilePreview;
try {
  prepared = await prepareBankFile(source, file, { competencies, curated });
} catch (error) {
  if (error instanceof BankFileRefusal) fail(error.message);
  throw error;
}
const output = {
  questions: prepared.questions.map(({ text, assesses, howToAnswer, exampleAnswer, competencies: slugs }) => ({
    text,
    assesses,
    howToAnswer,
    exampleAnswer,
    competencies: slugs,
  })),
  problems: prepared.problems,
};

if (args.values.json) {
  console.log(JSON.stringify(output, null, 2));
} else {
  console.log(`${prepared.title ?? "Untitled article"}: ${prepared.questions.length} questions`);
  for (const q of prepared.questions) {
    console.log(`  ${q.index}. ${q.text ?? "(no question text)"}  [${q.competencies.join(", ") || "no competency"}]`);
  }
  if (prepared.lineNote) console.log(`  (${prepared.lineNote})`);
  for (const p of prepared.problems) console.log(`  ${p.severity} at ${p.where ?? `line ${p.line}`}: ${p.message}`);
}

if (args.values["dry-run"]) process.exit(0);

const blocking = blockingProblems(prepared);
if (blocking.length > 0) {
  fail(`Nothing was imported. Fix these first:\n  ${blocking.join("\n  ")}`, 1);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail("DATABASE_URL is not set: use --dry-run to only check the article.");

const prisma = prismaFor(databaseUrl);
try {
  const org = args.values.org ? await prisma.organization.findUnique({ where: { slug: args.values.org } }) : null;
  if (args.values.org && !org) fail(`No organisation with slug "${args.values.org}".`);
  const name = args.values.bank ?? prepared.role ?? prepared.title ?? "Imported bank";
  const result = await importBank(prisma, {
    orgId: org?.id ?? null,
    actorId: null,
    name,
    role: prepared.role,
    source: prepared.title,
    questions: prepared.questions.map((q) => ({ ...q, text: q.text! })),
  });
  if (!args.values.json) console.log(`Imported "${name}" with ${result.questions} questions.`);
} catch (error) {
  fail(`Import failed: ${(error as Error).message}`, 1);
} finally {
  await prisma.$disconnect();
}
