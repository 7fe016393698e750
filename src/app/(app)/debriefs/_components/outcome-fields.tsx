"use client";
// The outcome, next stage and override justification fields, shared by the outcome form and the correction
// form: the next stage appears for "advance", and the justification when the chosen outcome overrides the
// mechanical order, with the reason it is one.
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Field, SelectField } from "@/components/ui/field";
import type { FieldProblem } from "@/components/field-error";
import { LimitedTextField } from "@/components/ui/limited-text-field";
import { DEBRIEF_OUTCOMES, type DebriefOutcome } from "@/lib/debriefs/outcomes";
import type { OverrideCase } from "@/lib/debriefs/override";
import { RATIONALE_MAX } from "@/lib/schemas/debriefs";

export type OutcomeValues = { outcome: DebriefOutcome | ""; nextStageId: string; overrideJustification: string };
export type Overrides = Record<DebriefOutcome, OverrideCase | null>;

type Props = {
  values: OutcomeValues;
  onChange: (values: OutcomeValues) => void;
  nextStages: ReadonlyArray<{ id: string; name: string }>;
  overrides: Overrides;
  problem: FieldProblem | null;
  /** Prefix for field names in error keys ("change." in the correction form). */
  prefix?: string;
  idPrefix: string;
};

export function OutcomeFields({ values, onChange, nextStages, overrides, problem, prefix = "", idPrefix }: Props) {
  const t = useTranslations("debriefs");
  const found = overrideFor(values, overrides, problem, prefix);
  const override = found === null ? null : typeof found === "string" ? found : overrideWords(t, found);
  const outcomes = DEBRIEF_OUTCOMES.filter((o) => o !== "ADVANCE" || nextStages.length > 0);
  return (
    <>
      <SelectField
        name={`${prefix}outcome`}
        id={`${idPrefix}-outcome`}
        label={t("fields.outcome")}
        problem={problem}
        value={values.outcome}
        onChange={(e) => onChange({ ...values, outcome: e.target.value as DebriefOutcome | "" })}
        options={[{ value: "", label: t("fields.chooseOutcome") }, ...outcomes.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))]}
      />
      {values.outcome === "ADVANCE" && (
        <SelectField
          name={`${prefix}nextStageId`}
          id={`${idPrefix}-next-stage`}
          label={t("fields.nextStage")}
          problem={problem}
          value={values.nextStageId}
          onChange={(e) => onChange({ ...values, nextStageId: e.target.value })}
          options={[{ value: "", label: t("fields.chooseStage") }, ...nextStages.map((s) => ({ value: s.id, label: s.name }))]}
        />
      )}
      {override && (
        <div data-testid="override-needed">
          <Alert tone="warning" className="mb-2" role="status">
            <span data-testid="override-explanation">{override}</span>
          </Alert>
          <Field
            name={`${prefix}overrideJustification`}
            id={`${idPrefix}-override-justification`}
            label={t("fields.justification")}
            hint={t("fields.justificationHint")}
            problem={problem}
          >
            {(control) => (
              <LimitedTextField
                {...control}
                multiline
                limit={RATIONALE_MAX}
                rows={3}
                className="field-input py-2"
                value={values.overrideJustification}
                onValueChange={(overrideJustification) => onChange({ ...values, overrideJustification })}
              />
            )}
          </Field>
        </div>
      )}
    </>
  );
}

/**
 * Why the chosen outcome is an override, or null: as the page computed it, or as the server said when the
 * order changed meanwhile (another decision at the stage). The justification is sent only while its field
 * is shown, so the server's only complaint about it for an outcome the page did not call an override is
 * that one is needed.
 */
export function overrideFor(values: OutcomeValues, overrides: Overrides, problem: FieldProblem | null, prefix = ""): OverrideCase | string | null {
  const computed = values.outcome === "" ? null : overrides[values.outcome];
  if (computed) return computed;
  return problem?.field === `${prefix}overrideJustification` ? problem.message : null;
}

type T = ReturnType<typeof useTranslations<"debriefs">>;

/** The override's reason in the reader's language (the server's refusal words the same case through errors.json: overrideText). */
function overrideWords(t: T, found: OverrideCase): string {
  if (found.kind === "rejectTop") return t("override.rejectTop", { name: found.name, rankedOf: found.rankedOf });
  const who = t("override.who", { name: found.name, rank: found.rank, rankedOf: found.rankedOf });
  return t("override.inversion", {
    other: found.other,
    otherRank: found.otherRank,
    past: t(`override.past.${found.otherOutcome}`),
    doing: t(`override.doing.${found.outcome}`, { who }),
    direction: t(`override.direction.${found.direction}`),
  });
}

/** The values to send: the next stage only for "advance", the justification only while its field is shown. */
export function outcomeInput(values: OutcomeValues, override: OverrideCase | string | null) {
  const outcome = values.outcome === "" ? undefined : values.outcome;
  return {
    outcome,
    nextStageId: outcome === "ADVANCE" ? values.nextStageId || null : null,
    overrideJustification: override ? values.overrideJustification : "",
  };
}
