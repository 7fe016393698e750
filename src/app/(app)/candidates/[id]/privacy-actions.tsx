"use client";
// Candidates' privacy rights on their page: download everything held about them, or erase them after
// confirming in a dialog (type their name or ERASE). A native <dialog> keeps focus inside and closes on Esc.
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/trpc/react";
import { When } from "../../interviews/_components/when";

type Props = { candidateId: string; candidateName: string; anonymizedAt: Date | null; confirmsSubjectAccess: boolean };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function PrivacyActions({ candidateId, candidateName, anonymizedAt, confirmsSubjectAccess }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const exporter = useMutation(trpc.privacy.exportCandidate.mutationOptions());
  const [exported, setExported] = useState(false);

  async function download(subjectAccessRequest: boolean) {
    setExported(false);
    if (
      subjectAccessRequest &&
      !window.confirm(
        "Confirm a subject-access request from the candidate: the file includes every panelist's drafts, and the audit log records it as such.",
      )
    ) {
      return;
    }
    try {
      const document = await exporter.mutateAsync({ candidateId, subjectAccessRequest });
      const blob = new Blob([JSON.stringify(document, null, 2)], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const link = window.document.createElement("a");
      link.href = url;
      link.download = `candidate-${candidateId}-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExported(true);
    } catch {
      // shown from exporter.error
    }
  }

  return (
    <section aria-labelledby="candidate-privacy-heading" className="card h-fit">
      <h2 id="candidate-privacy-heading" className="text-lg font-semibold">Privacy</h2>
      {anonymizedAt ? (
        <p className="mt-2 text-sm text-slate-700">
          Personal data erased on <When date={anonymizedAt} dateOnly />. What remains holds no name, contact details or notes.
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          For a candidate&apos;s request to see their data, or to have it erased. Both are recorded in the audit log. An
          ordinary export leaves out the content of panelists&apos; drafts; a subject-access request, which an admin
          confirms, includes it.
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => download(false)} disabled={exporter.isPending}>
          {exporter.isPending ? "Preparing…" : "Export data (JSON)"}
        </button>
        {confirmsSubjectAccess && (
          <button type="button" className="btn-secondary" onClick={() => download(true)} disabled={exporter.isPending}>
            Subject-access request (full record)
          </button>
        )}
        {!anonymizedAt && (
          <EraseDialog candidateId={candidateId} candidateName={candidateName} onErased={() => router.refresh()} />
        )}
      </div>
      <div aria-live="polite" className="mt-2 text-sm">
        {exported && <p>Export downloaded.</p>}
        {exporter.isError && <p className="text-red-800">{exporter.error.message}</p>}
      </div>
    </section>
  );
}

function EraseDialog({ candidateId, candidateName, onErased }: { candidateId: string; candidateName: string; onErased: () => void }) {
  const trpc = useTRPC();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const preview = useQuery({ ...trpc.privacy.erasePreview.queryOptions({ candidateId }), enabled: open });
  const erase = useMutation(trpc.privacy.erase.mutationOptions());
  const confirmed = typed.trim() === "ERASE" || typed.trim().toLowerCase() === candidateName.trim().toLowerCase();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function close() {
    setOpen(false);
    setTyped("");
    erase.reset();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed) return;
    try {
      await erase.mutateAsync({ candidateId });
      close();
      onErased();
    } catch {
      // shown from erase.error
    }
  }

  const p = preview.data;
  return (
    <>
      <button type="button" className="btn-secondary text-red-800" onClick={() => setOpen(true)}>
        Erase candidate…
      </button>
      <dialog
        ref={dialogRef}
        aria-labelledby="erase-dialog-heading"
        onClose={close}
        className="m-auto w-[min(34rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        <form onSubmit={onSubmit} className="space-y-3 p-5" noValidate>
          <h2 id="erase-dialog-heading" className="text-lg font-semibold">Erase {candidateName}?</h2>
          <p className="text-sm">This can&apos;t be undone. It removes:</p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>their name (shown as {p?.erasedName ?? "“Erased candidate” and a short code"} from now on), email, phone and notes;</li>
            <li>
              {p ? plural(p.notes, "evidence note") : "evidence notes"} and the panel&apos;s written summaries, and interview
              locations;
            </li>
            {p && !p.keepAnonymousRatings && (
              <li>
                {plural(p.interviews, "interview")} with {plural(p.scorecards, "scorecard")} and all their ratings.
              </li>
            )}
          </ul>
          {p?.keepAnonymousRatings && (
            <p className="text-sm">
              Your organisation keeps numeric ratings and recommendations as anonymous data: the {plural(p.scorecards, "scorecard")}{" "}
              stay in comparisons without a name.
            </p>
          )}
          {preview.isError && <p role="alert" className="text-sm text-red-800">{preview.error.message}</p>}
          <div>
            <label htmlFor="erase-confirm" className="field-label">
              Type the candidate&apos;s name or ERASE to confirm
            </label>
            <input
              id="erase-confirm"
              className="field-input"
              autoComplete="off"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          {erase.isError && <p role="alert" className="text-sm text-red-800">{erase.error.message}</p>}
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={close} disabled={erase.isPending}>
              Cancel
            </button>
            <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={!confirmed || erase.isPending}>
              {erase.isPending ? "Erasing…" : "Erase permanently"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
