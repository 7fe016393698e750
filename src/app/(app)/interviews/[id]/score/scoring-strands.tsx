"use client";
// Issue 23 on the scoring screen: while the scorecard is a draft, assisted scoring (a supporter at the
// panelist's side enters the ratings; recorded on this scorecard with the supporter's name, never as a
// scorecard of theirs); once submitted, the assisted note and, for the service-user strand's members, the
// reasons given where a decision at this stage departed from their preferred candidate. Loaded in its own
// chunk (see scoring-strands-loader.tsx) through the plain tRPC client, like the rest of the page.
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { fieldErrorFrom } from "@/components/field-error";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import type { StrandDepartures } from "@/lib/schemas/strands";
import { SUPPORTER_NAME_MAX } from "@/lib/strands/limits";
import { loadTRPCClient } from "@/trpc/load-client";
import { useCall } from "./use-call";

type Assistance = { scorecardId: string; assisted: boolean; supporterName: string | null };

const setAssisted = async (input: { scorecardId: string; assisted: boolean; supporterName: string }) =>
  (await loadTRPCClient()).strands.setAssisted.mutate(input);

export function ScoringStrands({ interviewId, submitted }: { interviewId: string; submitted: boolean }) {
  const [assistance, setAssistance] = useState<Assistance | null>(null);
  const [departures, setDepartures] = useState<StrandDepartures["departures"]>([]);
  useEffect(() => {
    let live = true;
    void loadTRPCClient()
      .then(async (client) => {
        const [own, gone] = await Promise.all([
          client.strands.assistance.query({ interviewId }),
          submitted ? client.strands.departures.query({ interviewId }) : Promise.resolve({ departures: [] }),
        ]);
        if (!live) return;
        setAssistance(own);
        setDepartures(gone.departures);
      })
      // Offline, or not this panelist's: the screen works without this section.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [interviewId, submitted]);
  if (!assistance) return null;
  return (
    <>
      {submitted ? <SubmittedAssistance assistance={assistance} /> : <AssistanceForm key={assistance.scorecardId} initial={assistance} />}
      {departures.length > 0 && <Departures departures={departures} />}
    </>
  );
}

function SubmittedAssistance({ assistance }: { assistance: Assistance }) {
  const t = useTranslations("strands");
  if (!assistance.assisted) return null;
  return (
    <p className="card mt-4 text-sm" data-testid="assisted-note">
      {t("assistedSubmitted", { name: assistance.supporterName ?? "" })}
    </p>
  );
}

function AssistanceForm({ initial }: { initial: Assistance }) {
  const t = useTranslations("strands");
  const id = useId();
  const save = useCall(setAssisted);
  const [assisted, setAssistedOn] = useState(initial.assisted);
  const [name, setName] = useState(initial.supporterName ?? "");
  const [saved, setSaved] = useState<Assistance | null>(null);
  const problem = fieldErrorFrom(save.error);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    try {
      setSaved(await save.mutateAsync({ scorecardId: initial.scorecardId, assisted, supporterName: assisted ? name : "" }));
    } catch {
      // shown from save.error
    }
  }

  return (
    <form className="card mt-4 space-y-2" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-toggle`} data-testid="assisted-form" noValidate>
      <label className="flex items-center gap-2 font-medium" id={`${id}-toggle`}>
        <input type="checkbox" className="h-5 w-5" checked={assisted} onChange={(e) => setAssistedOn(e.target.checked)} />
        {t("assistedToggle")}
      </label>
      <p className="text-sm text-slate-700">{t("assistedHint")}</p>
      {assisted && (
        <TextField
          name="supporterName"
          id={`${id}-supporter`}
          label={t("supporterName")}
          value={name}
          maxLength={SUPPORTER_NAME_MAX}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
          problem={problem}
        />
      )}
      <button type="submit" className="btn-secondary" disabled={save.isPending}>
        {t("assistedSave")}
      </button>
      <p role="status" className="text-sm">
        {saved ? (saved.assisted ? t("assistedSaved", { name: saved.supporterName ?? "" }) : t("assistedOffSaved")) : ""}
      </p>
      {problem && problem.field !== "supporterName" && <Alert variant="plain" className="text-sm">{problem.message}</Alert>}
    </form>
  );
}

function Departures({ departures }: { departures: StrandDepartures["departures"] }) {
  const t = useTranslations("strands");
  const id = useId();
  return (
    <section className="card mt-4" aria-labelledby={`${id}-h`} data-testid="strand-departures">
      <h2 id={`${id}-h`} className="text-lg font-semibold">{t("departuresHeading")}</h2>
      <p className="text-sm text-slate-700">{t("departuresHint")}</p>
      <ul className="mt-2 space-y-2">
        {departures.map((d, i) => (
          <li key={i} className="text-sm">
            <p className="font-medium">
              {d.candidateLabel || t("anotherCandidate")} · {t(`outcomes.${d.outcome as "ADVANCE"}`)}
            </p>
            <p className="whitespace-pre-wrap">{d.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
