// The built-in equal-opportunities categories an organisation may ask about, and the schema of a candidate's
// answers. Pure and browser-safe: the public form, the settings page, the server and the fairness report all
// read the same keys. Keys are stored (inside the encrypted answers and in Organization.monitoringCategories),
// so they never change; labels may.
import { z } from "@/lib/schemas/zod";

export const PREFER_NOT_TO_SAY = "prefer_not_to_say";
export const SELF_DESCRIBE = "self_describe";
/** The longest free text a "describe it yourself" answer keeps. */
export const SELF_DESCRIBE_MAX_LENGTH = 100;

export type MonitoringOption = {
  readonly key: string;
  readonly label: string;
};

export type MonitoringCategory = {
  readonly key: string;
  /** Short name for settings and the report. */
  readonly label: string;
  /** The question as the candidate reads it on the form. */
  readonly question: string;
  /** Which framework the category comes from; "any" serves both. */
  readonly framework: "uk" | "us" | "any";
  readonly options: readonly MonitoringOption[];
};

const preferNotToSay: MonitoringOption = { key: PREFER_NOT_TO_SAY, label: "Prefer not to say" };
const selfDescribe = (label: string): MonitoringOption => ({ key: SELF_DESCRIBE, label });

/** In the order the form and the settings show them. */
export const MONITORING_CATEGORIES = [
  {
    key: "age_band",
    label: "Age band",
    question: "What is your age?",
    framework: "any",
    options: [
      { key: "16_24", label: "16 to 24" },
      { key: "25_34", label: "25 to 34" },
      { key: "35_44", label: "35 to 44" },
      { key: "45_54", label: "45 to 54" },
      { key: "55_64", label: "55 to 64" },
      { key: "65_plus", label: "65 or over" },
      preferNotToSay,
    ],
  },
  {
    key: "disability",
    label: "Disability",
    question:
      "Do you consider yourself to have a disability (a physical or mental condition with a substantial, long-term effect on day-to-day activities)?",
    framework: "any",
    options: [{ key: "yes", label: "Yes" }, { key: "no", label: "No" }, preferNotToSay],
  },
  {
    key: "uk_sex",
    label: "Sex (UK)",
    question: "What is your sex?",
    framework: "uk",
    options: [{ key: "female", label: "Female" }, { key: "male", label: "Male" }, selfDescribe("I describe myself another way"), preferNotToSay],
  },
  {
    key: "uk_gender_reassignment",
    label: "Gender reassignment (UK)",
    question: "Is the gender you identify with the same as the sex you were registered at birth?",
    framework: "uk",
    options: [{ key: "yes", label: "Yes" }, { key: "no", label: "No" }, preferNotToSay],
  },
  {
    key: "uk_marriage_civil_partnership",
    label: "Marriage or civil partnership (UK)",
    question: "Are you married or in a civil partnership?",
    framework: "uk",
    options: [
      { key: "married", label: "Married" },
      { key: "civil_partnership", label: "In a civil partnership" },
      { key: "neither", label: "Neither" },
      preferNotToSay,
    ],
  },
  {
    key: "uk_pregnancy_maternity",
    label: "Pregnancy and maternity (UK)",
    question: "Are you pregnant, or have you given birth or been on maternity or adoption leave in the last 26 weeks?",
    framework: "uk",
    options: [{ key: "yes", label: "Yes" }, { key: "no", label: "No" }, preferNotToSay],
  },
  {
    // The high-level groups of the 2021 census of England and Wales.
    key: "uk_ethnic_group",
    label: "Ethnic group (UK)",
    question: "What is your ethnic group?",
    framework: "uk",
    options: [
      { key: "asian", label: "Asian, Asian British or Asian Welsh" },
      { key: "black", label: "Black, Black British, Black Welsh, Caribbean or African" },
      { key: "mixed", label: "Mixed or multiple ethnic groups" },
      { key: "white", label: "White" },
      selfDescribe("Another ethnic group"),
      preferNotToSay,
    ],
  },
  {
    key: "uk_religion_belief",
    label: "Religion or belief (UK)",
    question: "What is your religion or belief?",
    framework: "uk",
    options: [
      { key: "no_religion", label: "No religion" },
      { key: "buddhist", label: "Buddhist" },
      { key: "christian", label: "Christian" },
      { key: "hindu", label: "Hindu" },
      { key: "jewish", label: "Jewish" },
      { key: "muslim", label: "Muslim" },
      { key: "sikh", label: "Sikh" },
      selfDescribe("Another religion or belief"),
      preferNotToSay,
    ],
  },
  {
    key: "uk_sexual_orientation",
    label: "Sexual orientation (UK)",
    question: "Which of the following best describes your sexual orientation?",
    framework: "uk",
    options: [
      { key: "straight", label: "Straight or heterosexual" },
      { key: "gay_lesbian", label: "Gay or lesbian" },
      { key: "bisexual", label: "Bisexual" },
      selfDescribe("Another sexual orientation"),
      preferNotToSay,
    ],
  },
  {
    key: "us_sex",
    label: "Sex (US EEO)",
    question: "What is your sex?",
    framework: "us",
    options: [{ key: "female", label: "Female" }, { key: "male", label: "Male" }, preferNotToSay],
  },
  {
    // The EEO-1 categories: Hispanic or Latino first, then race for everyone else.
    key: "us_race_ethnicity",
    label: "Race and ethnicity (US EEO)",
    question: "Which best describes your race or ethnicity?",
    framework: "us",
    options: [
      { key: "hispanic_latino", label: "Hispanic or Latino" },
      { key: "white", label: "White (not Hispanic or Latino)" },
      { key: "black", label: "Black or African American (not Hispanic or Latino)" },
      { key: "native_hawaiian_pacific_islander", label: "Native Hawaiian or Other Pacific Islander (not Hispanic or Latino)" },
      { key: "asian", label: "Asian (not Hispanic or Latino)" },
      { key: "american_indian_alaska_native", label: "American Indian or Alaska Native (not Hispanic or Latino)" },
      { key: "two_or_more", label: "Two or more races (not Hispanic or Latino)" },
      preferNotToSay,
    ],
  },
] as const satisfies readonly MonitoringCategory[];

export type MonitoringCategoryKey = (typeof MONITORING_CATEGORIES)[number]["key"];

export const MONITORING_CATEGORY_KEYS = MONITORING_CATEGORIES.map((category) => category.key) as [
  MonitoringCategoryKey,
  ...MonitoringCategoryKey[],
];

const byKey = new Map<string, MonitoringCategory>(MONITORING_CATEGORIES.map((category) => [category.key, category]));

export function isMonitoringCategoryKey(key: string): key is MonitoringCategoryKey {
  return byKey.has(key);
}

/** The category with this key, or undefined for a key outside the built-in set. */
export function monitoringCategory(key: string): MonitoringCategory | undefined {
  return byKey.get(key);
}

/** The English label of an answer, or the key itself if the set no longer has it. */
export function monitoringOptionLabel(categoryKey: string, optionKey: string): string {
  return byKey.get(categoryKey)?.options.find((option) => option.key === optionKey)?.label ?? optionKey;
}

export function hasSelfDescribe(category: MonitoringCategory): boolean {
  return category.options.some((option) => option.key === SELF_DESCRIBE);
}

/** The built-in categories an organisation collects, in the set's order; stored keys no longer known are dropped. */
export function collectedMonitoringCategories(keys: readonly string[]): MonitoringCategory[] {
  const wanted = new Set(keys);
  return MONITORING_CATEGORIES.filter((category) => wanted.has(category.key));
}

/** Settings input: a list of built-in keys, each once. */
export const monitoringCategoryKeySchema = z.enum(MONITORING_CATEGORY_KEYS, {
  error: "Choose categories from the built-in set",
});

/** One answer: the option chosen, and for "describe it yourself" an optional text. */
export const monitoringAnswerSchema = z.object({
  option: z.string().min(1).max(60),
  text: z
    .string()
    .trim()
    .max(SELF_DESCRIBE_MAX_LENGTH, `Describe it in ${SELF_DESCRIBE_MAX_LENGTH} characters or fewer`)
    .optional()
    .transform((text) => (text ? text : undefined)),
});
/** One stored answer: `text` only with the "describe it yourself" option. */
export type MonitoringAnswer = { option: string; text?: string };

/** Category key -> answer. A category left out was not answered (answering is optional throughout). */
export type MonitoringAnswers = Record<string, MonitoringAnswer>;

/**
 * Validates a candidate's answers against the categories this organisation collects: every key must be a
 * collected category, every option one of its options, and text only with the "describe it yourself" option.
 */
export function monitoringAnswersSchema(collected: readonly string[]) {
  const allowed = new Set(collectedMonitoringCategories(collected).map((category) => category.key));
  return z
    .record(z.string().max(60), monitoringAnswerSchema)
    .superRefine((answers, ctx) => {
      for (const [categoryKey, answer] of Object.entries(answers)) {
        const category = byKey.get(categoryKey);
        if (!category || !allowed.has(categoryKey)) {
          ctx.addIssue({
            code: "custom",
            path: [categoryKey],
            message: `"${category?.label ?? categoryKey}" is not a question this organisation asks`,
          });
          continue;
        }
        if (!category.options.some((option) => option.key === answer.option)) {
          ctx.addIssue({ code: "custom", path: [categoryKey, "option"], message: `Choose one of the answers offered for "${category.label}"` });
        }
        if (answer.text !== undefined && answer.option !== SELF_DESCRIBE) {
          ctx.addIssue({ code: "custom", path: [categoryKey, "text"], message: "Text goes only with the answer you describe yourself" });
        }
      }
    })
    .transform((answers): MonitoringAnswers =>
      Object.fromEntries(Object.entries(answers).map(([key, { option, text }]) => [key, text === undefined ? { option } : { option, text }])),
    );
}
