"use client";
// Candidates' privacy rights on their page: download everything held about them, or erase them after
// confirming in a dialog (type their name or ERASE). A native <dialog> keeps focus inside and closes on Esc.
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { candidateExportFileName } from "@/lib/schemas/privacy";
import { useTRPC } from "@/trpc/react";
import { When } from "../../interviews/_components/when";

type Props = { candidateId: string; candidateName: string; anonymizedAt: Date | null; confirmsSubjectAccess: boolean };

export function PrivacyActions({ candidateId, candidateName, anonymizedAt, confirmsSubjectAccess }: Props) {
  const t = useTranslations("candidates.privacy");
  const trpc = useTRPC();
  const router = useRouter();
  const exporter = useMutation(trpc.privacy.exportCandidate.mutationOptions());
  const [exported, setExported] = useState(false);

  async function download(subjectAccessRequest: boolean) {
    setExported(false);
    if (
      subjectAccessRequest &&
      !window.confirm(t("confirmSubjectAccess"))
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
      <h2 id="candidate-privacy-heading" className="text-lg font-semibold">{t("title")}</h2>
      {anonymizedAt ? (
        <p className="mt-2 text-sm text-slate-700">
          {t.rich("erasedOn", { date: () => <When date={anonymizedAt} dateOnly /> })}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t("intro")}</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" onClick={() => void download(false)} disabled={exporter.isPending}>
          {exporter.isPending ? t("preparing") : t("export")}
        </button>
        {confirmsSubjectAccess && (
          <button type="button" className="btn-secondary" onClick={() => void download(true)} disabled={exporter.isPending}>
            {t("subjectAccess")}
          </button>
        )}
        {!anonymizedAt && (
          <EraseDialog candidateId={candidateId} candidateName={candidateName} onErased={() => router.refresh()} />
        )}
      </div>
      <div aria-live="polite" className="mt-2 text-sm">
        {exported && <p>{t("exported")}</p>}
        <ErrorAlert error={exporter.error} />
      </div>
    </section>
  );
}

function EraseDialog({ candidateId, candidateName, onErased }: { candidateId: string; candidateName: string; onErased: () => void }) {
  const t = useTranslations("candidates.privacy.erase");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const preview = useQuery({ ...trpc.privacy.erasePreview.queryOptions({ candidateId }), enabled: open });
  const erase = useMutation(trpc.privacy.erase.mutationOptions());
  // "ERASE" works in every language, beside the word of the page's own (BORRAR in Spanish).
  const word = typed.trim();
  const confirmed = word === "ERASE" || word === t("confirmWord") || word.toLowerCase() === candidateName.trim().toLowerCase();

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
        {t("open")}
      </button>
      <Dialog open={open} onClose={close} labelledBy="erase-dialog-heading">
        <form onSubmit={(event) => void onSubmit(event)} className="space-y-3 p-5" noValidate>
          <h2 id="erase-dialog-heading" className="text-lg font-semibold">{t("title", { name: candidateName })}</h2>
          <p className="text-sm">{t("removes")}</p>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>{t("name", { shownAs: p?.erasedName ?? t("shownAsDefault") })}</li>
            <li>{p ? t("notes", { notes: p.notes }) : t("notesUnknown")}</li>
            {p && !p.keepAnonymousRatings && (
              <li>
                {t("interviews", { interviews: p.interviews, scorecards: p.scorecards })}
              </li>
            )}
          </ul>
          {p?.keepAnonymousRatings && (
            <p className="text-sm">{t("keepRatings", { scorecards: p.scorecards })}</p>
          )}
          <ErrorAlert error={preview.error} className="text-sm" />
          <TextField
            id="erase-confirm"
            name="confirm"
            label={t("confirm")}
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <ErrorAlert error={erase.error} className="text-sm" />
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className="btn-secondary" onClick={close} disabled={erase.isPending}>
              {t("cancel")}
            </button>
            <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={!confirmed || erase.isPending}>
              {erase.isPending ? t("erasing") : t("submit")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
