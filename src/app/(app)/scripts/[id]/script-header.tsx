"use client";
// The top of the builder: where the script is (breadcrumb, title, version and its status), whether the
// last change is saved, and what can be done with it (print, duplicate, archive or restore, publish).
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { useSubmissionKey } from "@/components/use-submission-key";
import { useTRPC } from "@/trpc/react";
import type { LoadedScript } from "./builder-types";
import { PublishButton } from "./publish-button";
import type { SaveState } from "./use-autosave";

type Props = {
  script: LoadedScript;
  title: string;
  version: { number: number; publishedAt: Date | null };
  readOnly: boolean;
  saveState: SaveState;
  /** Saves a change still waiting; false when it could not be saved. */
  settle: () => Promise<boolean>;
  publish: { reasons: string[]; busy: boolean; error: { message: string } | null; onPublish: () => void };
};

export function ScriptHeader({ script, title, version, readOnly, saveState, settle, publish }: Props) {
  const trpc = useTRPC();
  const t = useTranslations("scripts");
  const router = useRouter();
  const duplicate = useMutation(trpc.scripts.duplicate.mutationOptions());
  const archive = useMutation(trpc.scripts.archive.mutationOptions());
  const restore = useMutation(trpc.scripts.restore.mutationOptions());
  const duplicateSubmission = useSubmissionKey();
  // While a waiting change is saved before duplicating: a second press must not start a second wait.
  const [duplicating, setDuplicating] = useState(false);

  const isDraft = version.publishedAt === null;
  const published = script.versions.filter((v) => v.publishedAt !== null);
  const latestPublished = published[published.length - 1];

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label={t("header.breadcrumb")} className="text-sm">
            <Link href="/scripts" className="text-brand-700 underline">
              {t("list.title")}
            </Link>
          </nav>
          <h1 className="mt-1 text-2xl font-semibold">{title || t("header.untitled")}</h1>
          <p className="mt-1 text-sm text-slate-700" data-testid="version-status">
            {t("header.version", {
              version: version.number,
              state: script.status === "ARCHIVED" ? "archived" : isDraft ? "draft" : "published",
            })}
            {isDraft && latestPublished ? ` · ${t("header.publishedOne", { version: latestPublished.version })}` : ""}
            {latestPublished && latestPublished.interviewCount > 0 ? ` · ${t("header.usedBy", { count: latestPublished.interviewCount })}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!readOnly && <SaveIndicator state={saveState} />}
          <Link href={`/scripts/${script.id}/print`} className="btn-secondary">
            {t("header.print")}
          </Link>
          {script.canEdit && (
            <button
              type="button"
              className="btn-secondary"
              disabled={duplicating || duplicate.isPending || duplicate.isSuccess}
              onClick={() => {
                // The copy is made from the draft on the server: a change still waiting for its autosave is
                // saved first (as Archive and Publish do), or the copy would open without it. Not copied when
                // that save fails: the save state above says why.
                setDuplicating(true);
                void settle()
                  .then((saved) => {
                    if (!saved) return;
                    duplicate.mutate(
                      { id: script.id, idempotencyKey: duplicateSubmission.current() },
                      { onSuccess: (copy) => router.push(`/scripts/${copy.id}`) },
                    );
                  })
                  .finally(() => setDuplicating(false));
              }}
            >
              {t("header.duplicate")}
            </button>
          )}
          {script.canEdit && (
            <button
              type="button"
              className="btn-secondary"
              disabled={archive.isPending}
              onClick={() =>
                void settle().then((saved) => {
                  if (saved) archive.mutate({ id: script.id }, { onSuccess: () => router.refresh() });
                })
              }
            >
              {t("header.archive")}
            </button>
          )}
          {script.status === "ARCHIVED" && (
            <button
              type="button"
              className="btn-secondary"
              disabled={restore.isPending}
              onClick={() => restore.mutate({ id: script.id }, { onSuccess: () => router.refresh() })}
            >
              {t("header.restore")}
            </button>
          )}
          {!readOnly && (
            <PublishButton
              label={isDraft ? t("header.publish", { version: version.number }) : t("header.published")}
              reasons={isDraft ? publish.reasons : []}
              busy={!isDraft || publish.busy}
              onPublish={publish.onPublish}
            />
          )}
        </div>
      </div>

      {!readOnly && !isDraft && (
        <p className="mt-3 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          {t("header.publishedNote", {
            version: version.number,
            next: version.number + 1,
            inUse: latestPublished && latestPublished.interviewCount > 0 ? "yes" : "no",
          })}
        </p>
      )}
      {readOnly && (
        <p className="mt-3 rounded-md border border-slate-300 bg-white p-3 text-sm text-slate-700">
          {script.status === "ARCHIVED" ? t("header.archived") : t("header.readOnly")}
        </p>
      )}
      <ErrorAlert error={publish.error} variant="boxed" className="mt-3" />
      <ErrorAlert error={duplicate.error ?? archive.error ?? restore.error} variant="boxed" className="mt-3" />
    </>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const t = useTranslations("scripts");
  const text =
    state.kind === "saved"
      ? state.at
        ? t("save.saved")
        : t("save.noChanges")
      : state.kind === "saving"
        ? t("save.saving")
        : state.kind === "unsaved"
          ? t("save.unsaved")
          : state.kind === "blocked"
            ? t("save.notSaved", { reason: state.reasons[0] ?? "" })
            : state.kind === "conflict"
              ? state.message
              : t("save.notSaved", { reason: state.message });
  const tone = state.kind === "failed" || state.kind === "conflict" || state.kind === "blocked" ? "text-red-800" : "text-slate-700";
  return (
    <p role="status" aria-live="polite" className={`max-w-80 text-sm ${tone}`} data-testid="save-state">
      {text}
      {state.kind === "conflict" && (
        <>
          {" "}
          <button type="button" className="underline" onClick={() => window.location.reload()}>
            {t("save.reload")}
          </button>
        </>
      )}
    </p>
  );
}
