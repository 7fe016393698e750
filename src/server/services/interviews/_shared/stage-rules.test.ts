// Why a stage can't be scheduled: facts the scheduling form words, and the refusal in the reader's language.
import { describe, expect, it } from "vitest";
import { errorTranslator } from "@/server/api/localize-error";
import { englishErrors, renderError } from "@/server/errors";
import { stageProblem } from "./stage-rules";

const stage = (version: { version: number; publishedAt: Date | null; status: "PUBLISHED" | "ARCHIVED"; latest: number } | null) => ({
  id: "stg_1",
  name: "Interview",
  vacancyId: "vac_1",
  scriptVersionId: version ? "sv_1" : null,
  scriptVersion: version && {
    version: version.version,
    publishedAt: version.publishedAt,
    script: { title: "Crisis Worker", status: version.status, versions: [{ version: version.latest }] },
  },
});

const worded = (problem: ReturnType<typeof stageProblem>, locale: "en" | "es") =>
  problem && renderError({ key: `interview.${problem.kind}`, values: problem.values }, locale === "en" ? englishErrors : errorTranslator(locale));

describe("stageProblem", () => {
  it("is null for a stage on its script's latest published version", () => {
    expect(stageProblem(stage({ version: 2, publishedAt: new Date(), status: "PUBLISHED", latest: 2 }) as never)).toBeNull();
  });

  it("words each problem in English as before, and in Spanish", () => {
    const none = stageProblem(stage(null) as never);
    expect(worded(none, "en")).toBe("Stage «Interview» has no script yet: choose one in the vacancy's interview plan.");
    expect(worded(none, "es")).toBe("La fase «Interview» aún no tiene guion: elija uno en el plan de entrevistas de la vacante.");
    const replaced = stageProblem(stage({ version: 1, publishedAt: new Date(), status: "PUBLISHED", latest: 2 }) as never);
    expect(worded(replaced, "en")).toBe("Stage «Interview» uses version 1 of «Crisis Worker», which was replaced by version 2: update the plan.");
    expect(worded(replaced, "es")).toBe("La fase «Interview» usa la versión 1 de «Crisis Worker», que ha sido sustituida por la versión 2: actualice el plan.");
    expect(stageProblem(stage({ version: 1, publishedAt: null, status: "PUBLISHED", latest: 1 }) as never)?.kind).toBe("stageDraft");
    const archived = stageProblem(stage({ version: 1, publishedAt: new Date(), status: "ARCHIVED", latest: 1 }) as never);
    expect(worded(archived, "en")).toBe("Stage «Interview» uses «Crisis Worker», which is archived: restore it or choose another script in the vacancy's interview plan.");
  });
});
