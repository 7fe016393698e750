"use client";
// For the vacancy's managers and admins: its details and its managers, each a form of its own.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom, FieldError, type FieldProblem } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { useValidateForm } from "@/components/ui/use-validate-form";
import { setVacancyManagersInput, updateVacancyInput, type VacancyPage, type VacancyStatusValue } from "@/lib/schemas/vacancies";
import { useShownValues } from "@/components/use-shown-values";
import { useShownVersion } from "@/components/use-shown-version";
import { useTRPC } from "@/trpc/react";
import { VacancyFields, vacancyFormValues } from "../_components/vacancy-fields";

type Props = { vacancy: VacancyPage; managerOptions: VacancyPage["managerOptions"] };

export function VacancySettings({ vacancy, managerOptions }: Props) {
  return (
    <div className="mt-8 grid gap-6 lg:grid-cols-2">
      <DetailsForm vacancy={vacancy} />
      <ManagersForm vacancy={vacancy} managerOptions={managerOptions} />
    </div>
  );
}

function DetailsForm({ vacancy }: { vacancy: VacancyPage }) {
  const validateForm = useValidateForm();
  const t = useTranslations("vacancies.settings");
  const trpc = useTRPC();
  // The state the form shows; a save here keeps "Saved." and what is typed after it (use-shown-version.ts).
  const version = useShownVersion(vacancy);
  const update = useMutation(trpc.vacancies.update.mutationOptions({ onSuccess: version.saved }));
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const problem = checkProblem ?? fieldErrorFrom(update.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { title, department, location, posts, status, opensOn, closesOn } = version.shown;
    const input = {
      id: vacancy.id,
      // The details this form shows: if they were changed elsewhere since, the server refuses and the form keeps
      // what was entered (a plan saved meanwhile is no conflict).
      shown: { title, department, location, posts, status, opensOn, closesOn },
      ...vacancyFormValues(form),
      status: String(form.get("status")) as VacancyStatusValue,
    };
    const checked = validateForm(updateVacancyInput, input);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      update.reset();
      return;
    }
    try {
      await update.mutateAsync(input);
    } catch {
      // shown from update.error
    }
  }

  return (
    <section aria-labelledby="vacancy-details-heading" className="card h-fit">
      <h2 id="vacancy-details-heading" className="text-lg font-semibold">{t("details")}</h2>
      <form key={version.formKey} onSubmit={(event) => void onSubmit(event)} className="mt-3 space-y-3" noValidate>
        <VacancyFields idPrefix="edit-vacancy" problem={problem} values={vacancy} />
        {problem && !problem.field && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={update.isPending}>
            {update.isPending ? t("saving") : t("saveDetails")}
          </button>
          {update.isSuccess && <p role="status" className="text-sm">{t("saved")}</p>}
        </div>
      </form>
    </section>
  );
}

function ManagersForm({ vacancy, managerOptions }: Props) {
  const validateForm = useValidateForm();
  const t = useTranslations("vacancies.settings");
  const trpc = useTRPC();
  // The managers as the form shows them: a save after they were changed elsewhere is refused, not applied over them.
  const shownManagers = useShownValues(vacancy.managers.map((m) => m.userId));
  const setManagers = useMutation(
    trpc.vacancies.setManagers.mutationOptions({ onSuccess: (saved) => shownManagers.saved(saved.managers.map((m) => m.userId)) }),
  );
  const [checkProblem, setCheckProblem] = useState<FieldProblem | null>(null);
  const problem = checkProblem ?? fieldErrorFrom(setManagers.error);
  const current = new Set(vacancy.managers.map((m) => m.userId));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { id: vacancy.id, userIds: new FormData(event.currentTarget).getAll("userIds").map(String), shown: shownManagers.shown };
    const checked = validateForm(setVacancyManagersInput, input);
    setCheckProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) {
      setManagers.reset();
      return;
    }
    try {
      await setManagers.mutateAsync(input);
    } catch {
      // shown from setManagers.error
    }
  }

  return (
    <section aria-labelledby="vacancy-managers-heading" className="card h-fit">
      <h2 id="vacancy-managers-heading" className="text-lg font-semibold">{t("managers")}</h2>
      <form onSubmit={(event) => void onSubmit(event)} className="mt-3 space-y-3" noValidate>
        <fieldset aria-describedby="vacancy-managers-hint vacancy-managers-error">
          <legend className="sr-only">{t("managersLegend")}</legend>
          <p id="vacancy-managers-hint" className="mb-1 text-sm text-slate-700">
            {t("managersHint")}
          </p>
          <ul className="space-y-1">
            {managerOptions.map((m) => (
              <li key={m.userId}>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="userIds" value={m.userId} defaultChecked={current.has(m.userId)} className="h-5 w-5" />
                  <span>
                    {m.name} <span className="text-sm text-slate-600">({m.role === "ADMIN" ? t("admin") : t("hiringManager")})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError id="vacancy-managers-error" problem={problem} field="userIds" />
        </fieldset>
        {problem && !problem.field && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
        <div className="flex items-center gap-3">
          <button type="submit" className="btn-primary" disabled={setManagers.isPending}>
            {setManagers.isPending ? t("saving") : t("saveManagers")}
          </button>
          {setManagers.isSuccess && <p role="status" className="text-sm">{t("saved")}</p>}
        </div>
      </form>
    </section>
  );
}
