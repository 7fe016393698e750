"use client";
// A stage's strands (issue 23): its default panelists' strands, and the strand policy (each strand weighted
// with a percent, the weighted ones adding up to 100, or advisory), declared before scoring starts and locked
// once the first scorecard at the stage is started. Beside the plan editor, saved on its own.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorFrom } from "@/components/field-error";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import type { StageStrands as StageStrandsData } from "@/lib/schemas/strands";
import { STRANDS, type Strand, type StrandModeName } from "@/lib/strands/strand-math";
import { useTRPC } from "@/trpc/react";

type Row = { mode: StrandModeName; weight: string };

function rowsFrom(data: StageStrandsData): Record<Strand, Row> {
  const of = new Map(data.policy.map((p) => [p.strand, p]));
  return Object.fromEntries(
    STRANDS.map((s) => {
      const p = of.get(s);
      return [s, { mode: p?.mode ?? (s === "STAFF" ? "WEIGHTED" : "ADVISORY"), weight: p && p.mode === "WEIGHTED" ? String(p.weight) : s === "STAFF" ? "100" : "0" }];
    }),
  ) as Record<Strand, Row>;
}

export function StageStrands({ stageId }: { stageId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.strands.stage.queryOptions({ stageId }));
  if (!query.data) return <ErrorAlert error={query.error} />;
  return <StageStrandsForm key={`${query.data.declaredAt?.toISOString() ?? "none"}-${query.data.lockedAt?.toISOString() ?? ""}`} data={query.data} />;
}

function StageStrandsForm({ data }: { data: StageStrandsData }) {
  const t = useTranslations("strands");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.strands.stage.queryKey({ stageId: data.stageId });
  const onSuccess = (next: StageStrandsData) => queryClient.setQueryData(key, next);
  const declare = useMutation(trpc.strands.declarePolicy.mutationOptions({ onSuccess }));
  const setStrand = useMutation(trpc.strands.setStagePanelistStrand.mutationOptions({ onSuccess }));
  const [rows, setRows] = useState(() => rowsFrom(data));
  // The policy as this form was drawn from it (it is drawn afresh after each save): a save or clear after it
  // was changed elsewhere is refused (CONFLICT), and what was entered here stays.
  const [shown] = useState(() => data.policy);
  const locked = data.lockedAt !== null;
  const editable = data.canEdit && !locked;
  const sum = STRANDS.filter((s) => rows[s].mode === "WEIGHTED").reduce((total, s) => total + (Number(rows[s].weight) || 0), 0);
  const problem = fieldErrorFrom(declare.error);
  const prefix = `strands-${data.stageId}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    declare.mutate({
      stageId: data.stageId,
      strands: STRANDS.map((strand) => ({ strand, mode: rows[strand].mode, weight: rows[strand].mode === "WEIGHTED" ? Math.round(Number(rows[strand].weight) || 0) : 0 })),
      shown,
    });
  }

  return (
    <section className="card mt-4" aria-labelledby={`${prefix}-h`} data-testid="stage-strands">
      <h2 id={`${prefix}-h`} className="text-lg font-semibold">{t("policyHeading", { stage: data.stageName })}</h2>
      <p className="text-sm text-slate-700">{t("policyHint")}</p>
      {locked && (
        <Alert tone="info" className="mt-2">
          {t("lockedAt", { date: format.dateTime(data.lockedAt!, { dateStyle: "medium", timeStyle: "short" }) })}
        </Alert>
      )}
      {!data.canEdit && <p className="mt-2 text-sm">{t("readOnly")}</p>}

      <h3 className="mt-3 font-semibold">{t("defaultPanelStrands")}</h3>
      {data.panel.length === 0 ? (
        <p className="text-sm">{t("noDefaultPanel")}</p>
      ) : (
        <ul className="mt-1 space-y-2">
          {data.panel.map((p) => (
            <li key={p.userId} className="flex flex-wrap items-center gap-2">
              <label htmlFor={`${prefix}-${p.userId}`} className="min-w-40">
                {p.name}
                <span className="sr-only">: {t("strandOf", { name: p.name })}</span>
              </label>
              <select
                id={`${prefix}-${p.userId}`}
                className="field-input w-auto"
                value={p.strand}
                disabled={!data.canEdit || setStrand.isPending}
                onChange={(e) => setStrand.mutate({ stageId: data.stageId, userId: p.userId, strand: e.target.value as Strand })}
              >
                {STRANDS.map((s) => (
                  <option key={s} value={s}>
                    {t(`strandNames.${s}`)}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={setStrand.error} variant="boxed" className="mt-2" />

      <form className="mt-4 space-y-3" onSubmit={onSubmit} aria-describedby={`${prefix}-sum`} noValidate>
        {data.policy.length === 0 && <p className="text-sm">{t("noPolicy")}</p>}
        {data.declaredAt && <p className="text-sm text-slate-700">{t("declaredAt", { date: format.dateTime(data.declaredAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>}
        {STRANDS.map((s) => (
          <fieldset key={s} className="flex flex-wrap items-end gap-3" disabled={!editable}>
            <legend className="font-medium">{t(`strandNames.${s}`)}</legend>
            <label className="min-w-0 text-sm">
              <span className="block">{t("modeLabel", { strand: t(`strandNames.${s}`) })}</span>
              <select
                className="field-input w-auto"
                value={rows[s].mode}
                onChange={(e) => setRows((all) => ({ ...all, [s]: { ...all[s], mode: e.target.value as StrandModeName } }))}
              >
                <option value="WEIGHTED">{t("modeNames.WEIGHTED")}</option>
                <option value="ADVISORY">{t("modeNames.ADVISORY")}</option>
              </select>
            </label>
            {rows[s].mode === "WEIGHTED" && (
              <label className="text-sm">
                <span className="block">{t("weightLabel", { strand: t(`strandNames.${s}`) })}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={100}
                  className="field-input w-24"
                  value={rows[s].weight}
                  onChange={(e) => setRows((all) => ({ ...all, [s]: { ...all[s], weight: e.target.value } }))}
                />
              </label>
            )}
          </fieldset>
        ))}
        <p id={`${prefix}-sum`} className={`text-sm ${sum === 100 ? "" : "text-amber-900"}`} aria-live="polite">
          {t("weightSum", { sum })}
        </p>
        {problem && (
          <Alert variant="plain" className="text-sm">
            {problem.message}
          </Alert>
        )}
        {editable && (
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="btn-primary" disabled={declare.isPending}>
              {declare.isPending ? t("declaring") : t("declare")}
            </button>
            {data.policy.length > 0 && (
              <button type="button" className="btn-secondary" disabled={declare.isPending} onClick={() => declare.mutate({ stageId: data.stageId, strands: [], shown })}>
                {t("clearPolicy")}
              </button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
