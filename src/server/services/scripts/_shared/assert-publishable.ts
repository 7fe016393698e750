import type { ScriptContent } from "@/lib/schemas/scripts";
import { AppError } from "@/server/errors";
import { countItems } from "./script-content";

/** Why a draft cannot be used in interviews yet; drafts may be incomplete, published versions may not. */
export function assertPublishable(content: ScriptContent): void {
  if (countItems(content) === 0) {
    throw new AppError("BAD_REQUEST", { key: "script.noQuestions" }, "sections");
  }
  content.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      if (item.competencyIds.length < 1 || item.competencyIds.length > 3) {
        throw new AppError(
          "BAD_REQUEST",
          { key: "script.oneToThreeCompetencies", values: { number: String(i + 1), section: section.title } },
          `sections.${s}.items.${i}.competencyIds`,
        );
      }
    }),
  );
  if (content.targets.length === 0) {
    throw new AppError("BAD_REQUEST", { key: "script.noTargets" }, "targets");
  }
  const total = content.targets.reduce((sum, t) => sum + t.weight, 0);
  if (total !== 100) {
    throw new AppError("BAD_REQUEST", { key: "script.weightsSum", values: { total: String(total) } }, "targets");
  }
}
