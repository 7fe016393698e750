"use client";
// The fairness-monitoring settings form (admins). The categories are the built-in set, grouped by where they
// come from; nothing here touches anyone's answers.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field } from "@/components/ui/field";
import { SettingsSaveRow } from "@/components/ui/settings-save-row";
import { useCheckedSave } from "@/components/ui/use-checked-save";
import { MONITORING_CATEGORIES, type MonitoringCategory } from "@/lib/monitoring/categories";
import { MONITORING_MIN_CELL_FLOOR, updateMonitoringSettingsInputSchema, type MonitoringSettings } from "@/lib/schemas/monitoring";
import { useShownValues } from "@/components/use-shown-values";
import { useTRPC } from "@/trpc/react";

/** In the order shown; each one's legend is monitoringSettings.groups.<framework>. */
const FRAMEWORKS: MonitoringCategory["framework"][] = ["any", "uk", "us"];

export function MonitoringSettingsForm({ initial }: { initial: MonitoringSettings }) {
  const trpc = useTRPC();
  const t = useTranslations("monitoringSettings");
  const [categories, setCategories] = useState<string[]>(initial.categories);
  const [minCell, setMinCell] = useState(String(initial.minCell));
  const [forManagers, setForManagers] = useState(initial.reportForManagers);
  const settings = useShownValues(initial);
  const save = useMutation(trpc.monitoring.updateSettings.mutationOptions({ onSuccess: settings.saved }));
  const { problem, submit } = useCheckedSave(updateMonitoringSettingsInputSchema, save);

  const toggle = (key: string, on: boolean) =>
    setCategories((current) => (on ? [...current.filter((k) => k !== key), key] : current.filter((k) => k !== key)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A blank or non-numeric entry is NaN, which the schema answers with the field's message.
    void submit({ categories, minCell: minCell.trim() === "" ? Number.NaN : Number(minCell), reportForManagers: forManagers, shown: settings.shown });
  }

  return (
    <section aria-labelledby="monitoring-settings-heading" className="card mt-6 max-w-2xl">
      <h2 id="monitoring-settings-heading" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="mt-1 text-sm text-slate-700">
        {t("intro")}
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {FRAMEWORKS.map((framework) => (
          <fieldset key={framework} className="space-y-2">
            <legend className="text-sm font-semibold">{t(`groups.${framework}`)}</legend>
            {MONITORING_CATEGORIES.filter((category) => category.framework === framework).map((category) => (
              <div key={category.key} className="flex items-center gap-2">
                <input
                  id={`monitoring-${category.key}`}
                  type="checkbox"
                  className="size-5"
                  checked={categories.includes(category.key)}
                  onChange={(e) => toggle(category.key, e.target.checked)}
                />
                <label htmlFor={`monitoring-${category.key}`} className="text-sm">{t(`categories.${category.key}`)}</label>
              </div>
            ))}
          </fieldset>
        ))}
        <Field
          id="monitoring-min-cell"
          name="minCell"
          label={t("minCell")}
          hint={t("minCellHint", { floor: MONITORING_MIN_CELL_FLOOR })}
          problem={problem}
          className="max-w-xs"
        >
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={MONITORING_MIN_CELL_FLOOR}
              step={1}
              className="field-input"
              value={minCell}
              onChange={(e) => setMinCell(e.target.value)}
            />
          )}
        </Field>
        <div className="flex items-start gap-2">
          <input
            id="monitoring-for-managers"
            type="checkbox"
            className="mt-0.5 size-5"
            checked={forManagers}
            onChange={(e) => setForManagers(e.target.checked)}
            aria-describedby="monitoring-for-managers-hint"
          />
          <div>
            <label htmlFor="monitoring-for-managers" className="text-sm">{t("forManagers")}</label>
            <p id="monitoring-for-managers-hint" className="text-xs text-slate-600">
              {t("forManagersHint")}
            </p>
          </div>
        </div>
        <SettingsSaveRow labels={{ save: t("save"), saved: t("saved") }} problem={problem} fields={new Set(["minCell"])} pending={save.isPending} saved={save.isSuccess} />
      </form>
    </section>
  );
}
