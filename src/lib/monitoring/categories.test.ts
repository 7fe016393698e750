import { describe, expect, it } from "vitest";
import {
  MONITORING_CATEGORIES,
  PREFER_NOT_TO_SAY,
  SELF_DESCRIBE,
  collectedMonitoringCategories,
  monitoringAnswersSchema,
  monitoringCategoryKeySchema,
  monitoringOptionLabel,
} from "./categories";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("the built-in monitoring categories", () => {
  it("give every category a prefer-not-to-say answer and unique keys", () => {
    const keys = MONITORING_CATEGORIES.map((category) => category.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const category of MONITORING_CATEGORIES) {
      const optionKeys = category.options.map((option) => option.key);
      expect(optionKeys, category.key).toContain(PREFER_NOT_TO_SAY);
      expect(new Set(optionKeys).size, category.key).toBe(optionKeys.length);
    }
  });

  it("cover the UK protected characteristics and the US EEO-1 groups, Hispanic or Latino included", () => {
    const keys = MONITORING_CATEGORIES.map((category) => category.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "age_band",
        "disability",
        "uk_sex",
        "uk_gender_reassignment",
        "uk_marriage_civil_partnership",
        "uk_pregnancy_maternity",
        "uk_ethnic_group",
        "uk_religion_belief",
        "uk_sexual_orientation",
        "us_sex",
        "us_race_ethnicity",
      ]),
    );
    expect(monitoringOptionLabel("us_race_ethnicity", "hispanic_latino")).toBe("Hispanic or Latino");
    expect(monitoringOptionLabel("uk_ethnic_group", "mixed")).toBe("Mixed or multiple ethnic groups");
  });

  it("keeps only known keys, in the set's order, for an organisation's stored list", () => {
    expect(collectedMonitoringCategories(["us_sex", "retired_key", "age_band"]).map((c) => c.key)).toEqual(["age_band", "us_sex"]);
    expect(monitoringCategoryKeySchema.safeParse("shoe_size").success).toBe(false);
  });
});

describe("monitoringAnswersSchema", () => {
  const schema = monitoringAnswersSchema(["age_band", "uk_ethnic_group"]);

  it("accepts answers to collected categories, including none at all", () => {
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ age_band: { option: "25_34" }, uk_ethnic_group: { option: PREFER_NOT_TO_SAY } })).toEqual({
      age_band: { option: "25_34" },
      uk_ethnic_group: { option: PREFER_NOT_TO_SAY },
    });
  });

  it("refuses a category the organisation does not collect, naming it", () => {
    const result = schema.safeParse({ us_sex: { option: "female" } });
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual(['"Sex (US EEO)" is not a question this organisation asks']);
    expect(messages(schema.safeParse({ shoe_size: { option: "9" } }))).toEqual(['"shoe_size" is not a question this organisation asks']);
  });

  it("refuses an option the category does not offer", () => {
    expect(messages(schema.safeParse({ age_band: { option: "hispanic_latino" } }))).toEqual([
      'Choose one of the answers offered for "Age band"',
    ]);
  });

  it("keeps self-described text trimmed, up to 100 characters, and only with that answer", () => {
    expect(schema.parse({ uk_ethnic_group: { option: SELF_DESCRIBE, text: "  Kurdish " } })).toEqual({
      uk_ethnic_group: { option: SELF_DESCRIBE, text: "Kurdish" },
    });
    expect(schema.parse({ uk_ethnic_group: { option: SELF_DESCRIBE, text: "   " } })).toEqual({ uk_ethnic_group: { option: SELF_DESCRIBE } });
    expect(schema.safeParse({ uk_ethnic_group: { option: SELF_DESCRIBE, text: "x".repeat(100) } }).success).toBe(true);
    expect(messages(schema.safeParse({ uk_ethnic_group: { option: SELF_DESCRIBE, text: "x".repeat(101) } }))).toEqual([
      "Describe it in 100 characters or fewer",
    ]);
    expect(messages(schema.safeParse({ uk_ethnic_group: { option: "white", text: "extra" } }))).toEqual([
      "Text goes only with the answer you describe yourself",
    ]);
  });
});
