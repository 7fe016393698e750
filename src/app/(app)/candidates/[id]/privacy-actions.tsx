"use client";
// Candidates' privacy rights on their page: download everything held about them, or erase them after
// confirming in a dialog (type their name or ERASE). A native <dialog> keeps focus inside and closes on Esc.
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { candidateExportFileName } from "@/lib/schemas/privacy";
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
      link.download = candidateExportFileName(candidateId, new Date());
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
        <button type="button" className="btn-secondary" onClick={() => void download(false)} disabled={exporter.isPending}>
          {exporter.isPending ? "Preparing…" : "Export data (JSON)"}
        </button>
        {confirmsSubjectAccess && (
          <button type="button" className="btn-secondary" onClick={() => void download(true)} disabled={exporter.isPending}>
            Subject-access request (full record)
          </button>
        )}
        {!anonymizedAt && (
          <EraseDialog candidateId={candidateId} candidateName={candidateName} onErased={() => router.refresh()} />
        )}
      </div>
      <div aria-live="polite" className="mt-2 text-sm">
        {exported && <p>Export downloaded.</p>}
        <ErrorAlert error={exporter.error} />
      </div>
    </section>
  );
}

function EraseDialog({ candidateId, candidateName, onErased }: { candidateId: string; candidateName: string; onErased: () => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const preview = useQuery({ ...trpc.privacy.erasePreview.queryOptions({ candidateId }), enabled: open });
  const erase = useMutation(trpc.privacy.erase.mutationOptions());
  const confirmed = typed.trim() === "ERASE" || typed.trim().toLowerCase() === candidateName.trim().toLowerCase();

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
      <Dialog open={open} onClose={close} labelledBy="erase-dialog-heading">
        <form onSubmit={(event) => void onSubmit(event)} className="space-y-3 p-5" noValidate>
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
          <ErrorAlert error={preview.error} className="text-sm" />
          <TextField
            id="erase-confirm"
            name="confirm"
            label="Type the candidate's name or ERASE to confirm"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <ErrorAlert error={erase.error} className="text-sm" />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={close} disabled={erase.isPending}>
              Cancel
            </button>
            <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={!confirmed || erase.isPending}>
              {erase.isPending ? "Erasing…" : "Erase permanently"}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
