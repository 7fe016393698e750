// Building blocks for interview-script tests: built-in competencies and questions from the seeded
// database, and saveDraft documents that are valid unless a test says otherwise.
import { TRPCError } from "@trpc/server";
import { db } from "@/server/db";
import { callerFor, unique } from "./factories";

type Caller = ReturnType<typeof callerFor>;
export type SaveDraftInput = Parameters<Caller["scripts"]["saveDraft"]>[0];
export type ItemInput = SaveDraftInput["sections"][number]["items"][number];

/** Built-in competency ids by slug (empathy, ethics, crisis-handling, collaboration, …). */
export async function builtInCompetencies(): Promise<Record<string, string>> {
  const rows = await db().competency.findMany({ where: { orgId: null }, select: { id: true, slug: true } });
  return Object.fromEntries(rows.map((c) => [c.slug, c.id]));
}

/** The first `count` questions of a built-in bank, with what a script item copies from them. */
export async function builtInQuestions(count: number) {
  return db().question.findMany({
    where: { bank: { orgId: null } },
    orderBy: [{ bankId: "asc" }, { position: "asc" }],
    take: count,
    select: { id: true, text: true, exampleAnswer: true },
  });
}

export function item(competencyIds: string[], overrides: Partial<ItemInput> = {}): ItemInput {
  return {
    questionId: null,
    text: `Tell us about a time… ${unique("q")}`,
    minutes: 10,
    goodAnswer: "A specific example with the steps taken.",
    exampleAnswer: "",
    probes: ["What would you do differently?"],
    required: true,
    competencyIds,
    ...overrides,
  };
}

/** A saveDraft document for a script as `get` returned it, with the given content. */
export function draft(
  loaded: { id: string; updatedAt: Date; title: string; role: string },
  content: Partial<Omit<SaveDraftInput, "id" | "baseUpdatedAt">> = {},
): SaveDraftInput {
  return {
    id: loaded.id,
    baseUpdatedAt: loaded.updatedAt,
    title: loaded.title,
    role: loaded.role,
    instructions: "Welcome the candidate and explain the format.",
    plannedMinutes: 60,
    targets: [],
    sections: [{ title: "Opening", items: [] }],
    ...content,
  };
}

/** A script with two sections and three items, weighted 50/30/20 and ready to publish. */
export async function createScriptWithContent(caller: Caller, options: { title?: string; role?: string } = {}) {
  const c = await builtInCompetencies();
  const { id } = await caller.scripts.create({
    title: options.title ?? unique("Crisis worker script"),
    role: options.role ?? "Crisis Worker",
  });
  const created = await caller.scripts.get({ id });
  const content = {
    targets: [
      { competencyId: c.empathy!, weight: 50 },
      { competencyId: c.ethics!, weight: 30 },
      { competencyId: c["crisis-handling"]!, weight: 20 },
    ],
    sections: [
      {
        title: "Opening",
        items: [item([c.empathy!], { text: "Why this work?", minutes: 5 })],
      },
      {
        title: "Scenarios",
        items: [
          item([c.ethics!, c.empathy!], { text: "A client asks you to keep a secret.", minutes: 15 }),
          item([c["crisis-handling"]!], { text: "A caller says they want to end their life.", minutes: 20, required: false }),
        ],
      },
    ],
  };
  const saved = await caller.scripts.saveDraft(draft(created, content));
  // As the builder would show it after the save.
  const loaded = await caller.scripts.get({ id });
  return { id, loaded, saved, content, competencies: c };
}

/** The TRPCError a call failed with (the call must fail). */
export async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("Expected the call to fail, but it succeeded");
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
