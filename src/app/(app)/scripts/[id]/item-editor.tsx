"use client";
// One question of the script: a compact row (drag handle, text, time, competencies) that expands into
// its full rating guide: what good looks like, probes, example answer, required.
import { useSortable } from "@dnd-kit/sortable";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { MAX_COMPETENCIES_PER_ITEM } from "@/lib/schemas/scripts";
import type { ScriptItemDraft } from "@/lib/scripts/script-document";
import { SelectField, TextField } from "@/components/ui/field";
import { PickToAdd, TextAreaField } from "./builder-fields";
import type { CompetencyInfo } from "./builder-types";
import { ARROW_DOWN, ARROW_UP, ReorderHandle, sortableStyle } from "./reorder";

type Props = {
  item: ScriptItemDraft;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  readOnly: boolean;
  competencies: CompetencyInfo[];
  sections: { key: string; title: string }[];
  sectionKey: string;
  onChange: (patch: Partial<ScriptItemDraft>) => void;
  onMove: (direction: -1 | 1) => void;
  onMoveToSection: (sectionKey: string) => void;
  onRemove: () => void;
};

export function ItemEditor(props: Props) {
  const { item, number, readOnly, competencies, onChange } = props;
  const t = useTranslations("scriptBuilder");
  const [open, setOpen] = useState(item.text === "");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.key,
    disabled: readOnly,
  });
  const baseId = useId();
  const label = item.text.trim() ? truncate(item.text, 60) : t("item.fallbackLabel", { number });
  const nameOf = (id: string) => competencies.find((c) => c.id === id)?.name ?? t("unknownCompetency");
  const available = competencies.filter((c) => !item.competencyIds.includes(c.id));

  return (
    <li
      ref={setNodeRef}
      style={sortableStyle({ transform, transition })}
      className={`rounded-md border bg-white ${isDragging ? "z-10 border-brand-600 shadow-lg" : "border-slate-200"}`}
      data-testid="script-item"
    >
      {/* On a narrow screen the buttons move under the question rather than squeeze it to a word a line. */}
      <div className="flex flex-wrap items-start gap-2 p-3">
        {!readOnly && <ReorderHandle activatorRef={setActivatorNodeRef} attributes={attributes} listeners={listeners} label={t("item.reorder", { label })} className="mt-0.5" />}
        <div className="min-w-0 flex-1 basis-40">
          <p className="font-medium">
            <span className="text-slate-600">{number}. </span>
            {item.text || <em className="text-slate-600">{t("item.newQuestion")}</em>}
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-1.5 text-sm text-slate-700">
            <span>{t("item.minutes", { minutes: item.minutes })}</span>
            {!item.required && <span>{t("item.optional")}</span>}
            {item.competencyIds.map((id) => (
              <span key={id} className="chip">
                {nameOf(id)}
              </span>
            ))}
            {item.competencyIds.length === 0 && <span className="font-medium text-amber-800">{t("item.noCompetency")}</span>}
          </p>
        </div>
        <div className="ml-auto flex shrink-0 flex-wrap justify-end gap-1">
          {!readOnly && (
            <>
              <button type="button" className="btn-secondary min-h-9 px-2" disabled={props.isFirst} onClick={() => props.onMove(-1)} aria-label={t("item.moveUp", { label })}>
                {ARROW_UP}
              </button>
              <button type="button" className="btn-secondary min-h-9 px-2" disabled={props.isLast} onClick={() => props.onMove(1)} aria-label={t("item.moveDown", { label })}>
                {ARROW_DOWN}
              </button>
            </>
          )}
          <button type="button" className="btn-secondary min-h-9 px-3" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t("item.close") : readOnly ? t("item.details") : t("item.edit")}
            <span className="sr-only"> {label}</span>
          </button>
        </div>
      </div>

      {open && (
        <fieldset className="space-y-3 border-t border-slate-200 p-3" disabled={readOnly}>
          <legend className="sr-only">{t("item.detailsOf", { label })}</legend>
          <TextAreaField name="text" id={`${baseId}-text`} label={t("item.text")} height="min-h-20" value={item.text} limit={2000} onValueChange={(text) => onChange({ text })} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              name="minutes"
              id={`${baseId}-minutes`}
              label={t("item.minutesLabel")}
              type="number"
              min={1}
              max={120}
              value={Number.isFinite(item.minutes) ? item.minutes : ""}
              onChange={(e) => onChange({ minutes: e.target.value === "" ? NaN : Math.round(Number(e.target.value)) })}
            />
            <div className="flex items-end">
              <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
                <input type="checkbox" className="size-5" checked={item.required} onChange={(e) => onChange({ required: e.target.checked })} />
                {t("item.required")}
              </label>
            </div>
          </div>

          <fieldset>
            <legend className="field-label">{t("item.competencies", { max: MAX_COMPETENCIES_PER_ITEM })}</legend>
            <ul className="flex flex-wrap gap-2">
              {item.competencyIds.map((id) => (
                <li key={id} className="chip gap-1 pr-1">
                  {nameOf(id)}
                  {!readOnly && (
                    <button
                      type="button"
                      className="ml-1 inline-flex size-6 items-center justify-center rounded-full hover:bg-brand-100"
                      aria-label={t("item.stopRating", { name: nameOf(id) })}
                      onClick={() => onChange({ competencyIds: item.competencyIds.filter((c) => c !== id) })}
                    >
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {!readOnly && item.competencyIds.length < MAX_COMPETENCIES_PER_ITEM && (
              <div className="mt-2 max-w-xs">
                <PickToAdd
                  id={`${baseId}-add-competency`}
                  label={t("item.addCompetency")}
                  placeholder={t("item.addCompetencyPlaceholder")}
                  className="field-input"
                  options={available.map((c) => ({ value: c.id, label: c.name }))}
                  onPick={(id) => onChange({ competencyIds: [...item.competencyIds, id] })}
                />
              </div>
            )}
          </fieldset>

          <TextAreaField
            name="goodAnswer"
            id={`${baseId}-good`}
            label={t("item.goodAnswer")}
            height="min-h-24"
            value={item.goodAnswer}
            limit={5000}
            onValueChange={(goodAnswer) => onChange({ goodAnswer })}
          />

          <ProbesEditor probes={item.probes} readOnly={readOnly} label={label} onChange={(probes) => onChange({ probes })} />

          <TextAreaField
            name="exampleAnswer"
            id={`${baseId}-example`}
            label={t("item.exampleAnswer")}
            height="min-h-24"
            value={item.exampleAnswer}
            limit={10000}
            onValueChange={(exampleAnswer) => onChange({ exampleAnswer })}
          />

          {!readOnly && (
            <div className="flex flex-wrap items-end gap-3 border-t border-slate-100 pt-3">
              {props.sections.length > 1 && (
                <SelectField
                  name="section"
                  id={`${baseId}-section`}
                  label={t("item.moveToSection")}
                  value={props.sectionKey}
                  onChange={(e) => props.onMoveToSection(e.target.value)}
                  options={props.sections.map((s) => ({ value: s.key, label: s.title || t("item.untitledSection") }))}
                />
              )}
              <button type="button" className="btn-secondary text-red-800" onClick={props.onRemove}>
                {t("item.remove")}<span className="sr-only"> {label}</span>
              </button>
            </div>
          )}
        </fieldset>
      )}
    </li>
  );
}

function ProbesEditor(props: { probes: string[]; readOnly: boolean; label: string; onChange: (probes: string[]) => void }) {
  const baseId = useId();
  const t = useTranslations("scriptBuilder");
  const { probes, onChange } = props;
  return (
    <fieldset>
      <legend className="field-label">{t("probes.legend")}</legend>
      {probes.length === 0 && <p className="text-sm text-slate-600">{t("probes.none")}</p>}
      <ol className="space-y-2">
        {probes.map((probe, index) => (
          <li key={index} className="flex gap-2">
            <label htmlFor={`${baseId}-${index}`} className="sr-only">
              {t("probes.label", { number: index + 1 })}
            </label>
            <input
              id={`${baseId}-${index}`}
              className="field-input"
              value={probe}
              maxLength={500}
              onChange={(e) => onChange(probes.map((p, i) => (i === index ? e.target.value : p)))}
            />
            {!props.readOnly && (
              <button
                type="button"
                className="btn-secondary min-w-11 px-2"
                aria-label={t("probes.remove", { number: index + 1 })}
                onClick={() => onChange(probes.filter((_, i) => i !== index))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ol>
      {!props.readOnly && probes.length < 10 && (
        <button type="button" className="btn-secondary mt-2 min-h-9" onClick={() => onChange([...probes, ""])}>
          {t("probes.add")}
        </button>
      )}
    </fieldset>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
