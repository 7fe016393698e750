"use client";
// The voluntary equal-opportunities form: one radio group per category the organisation asks, each with
// "Prefer not to say"; any question may be left unanswered. Sent once: the server refuses a second post.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import {
  SELF_DESCRIBE,
  SELF_DESCRIBE_MAX_LENGTH,
  collectedMonitoringCategories,
  type MonitoringAnswers,
} from "@/lib/monitoring/categories";
import { useTRPC } from "@/trpc/react";

type Props = { token: string; orgName: string; categories: string[] };

export function MonitoringForm({ token, orgName, categories }: Props) {
  const t = useTranslations("monitoringForm");
  const trpc = useTRPC();
  const submit = useMutation(trpc.monitoring.submit.mutationOptions());
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [described, setDescribed] = useState<Record<string, string>>({});
  const asked = collectedMonitoringCategories(categories);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.isPending) return;
    const answers: MonitoringAnswers = {};
    for (const [key, option] of Object.entries(chosen)) {
      const text = option === SELF_DESCRIBE ? described[key]?.trim() : undefined;
      answers[key] = text ? { option, text } : { option };
    }
    submit.mutate({ token, answers });
  }

  if (submit.isSuccess) {
    return (
      <div role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-emerald-900">
        <h2 className="text-lg font-semibold">{t("form.thanksHeading")}</h2>
        <p className="mt-1">{t("form.thanksBody")}</p>
      </div>
    );
  }

  return (
    <>
      <div className="card mt-4 space-y-2 text-sm">
        <p>{t.rich("form.why", { org: orgName, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p>{t("form.whoSees")}</p>
      </div>
      <form onSubmit={onSubmit} className="mt-6 space-y-6" noValidate>
        {asked.map((category) => (
          <fieldset key={category.key} className="space-y-2">
            <legend className="font-semibold">{t(`categories.${category.key}.question`)}</legend>
            {category.options.map((option) => {
              const id = `${category.key}-${option.key}`;
              return (
                <div key={option.key} className="flex items-center gap-2">
                  <input
                    id={id}
                    type="radio"
                    name={category.key}
                    value={option.key}
                    className="size-5"
                    checked={chosen[category.key] === option.key}
                    onChange={() => setChosen((current) => ({ ...current, [category.key]: option.key }))}
                  />
                  <label htmlFor={id}>{t(`categories.${category.key}.options.${option.key}`)}</label>
                </div>
              );
            })}
            {category.options.some((option) => option.key === SELF_DESCRIBE) && (
              <div className="ml-7">
                <label htmlFor={`${category.key}-text`} className="text-sm">{t("form.ownWords")}</label>
                <input
                  id={`${category.key}-text`}
                  type="text"
                  maxLength={SELF_DESCRIBE_MAX_LENGTH}
                  className="field-input mt-1 w-full max-w-sm"
                  value={described[category.key] ?? ""}
                  disabled={chosen[category.key] !== SELF_DESCRIBE}
                  onChange={(e) => setDescribed((current) => ({ ...current, [category.key]: e.target.value }))}
                />
              </div>
            )}
          </fieldset>
        ))}
        <ErrorAlert error={submit.error} variant="boxed" />
        <button type="submit" className="btn-primary" disabled={submit.isPending}>
          {submit.isPending ? t("form.sending") : t("form.send")}
        </button>
      </form>
    </>
  );
}
