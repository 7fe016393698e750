"use client";
// The top of the builder: where the script is (breadcrumb, title, version and its status), whether the
// last change is saved, and what can be done with it (print, duplicate, archive or restore, publish).
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
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
  const router = useRouter();
  const duplicate = useMutation(trpc.scripts.duplicate.mutationOptions());
  const archive = useMutation(trpc.scripts.archive.mutationOptions());
  const restore = useMutation(trpc.scripts.restore.mutationOptions());
  const duplicateSubmission = useSubmissionKey();

  const isDraft = version.publishedAt === null;
  const published = script.versions.filter((v) => v.publishedAt !== null);
  const latestPublished = published[published.length - 1];

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link href="/scripts" className="text-brand-700 underline">
              Interview scripts
            </Link>
          </nav>
          <h1 className="mt-1 text-2xl font-semibold">{title || "Untitled script"}</h1>
          <p className="mt-1 text-sm text-slate-700" data-testid="version-status">
            Version {version.number} · {script.status === "ARCHIVED" ? "archived" : isDraft ? "draft" : "published"}
            {isDraft && latestPublished ? ` · version ${latestPublished.version} is the published one` : ""}
            {latestPublished && latestPublished.interviewCount > 0
              ? ` · used by ${latestPublished.interviewCount} interview${latestPublished.interviewCount === 1 ? "" : "s"}`
              : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!readOnly && <SaveIndicator state={saveState} />}
          <Link href={`/scripts/${script.id}/print`} className="btn-secondary">
            Print guide
          </Link>
          {script.canEdit && (
            <button
              type="button"
              className="btn-secondary"
              disabled={duplicate.isPending || duplicate.isSuccess}
              onClick={() =>
                duplicate.mutate(
                  { id: script.id, idempotencyKey: duplicateSubmission.current() },
                  { onSuccess: (copy) => router.push(`/scripts/${copy.id}`) },
                )
              }
            >
              Duplicate
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
              Archive
            </button>
          )}
          {script.status === "ARCHIVED" && (
            <button
              type="button"
              className="btn-secondary"
              disabled={restore.isPending}
              onClick={() => restore.mutate({ id: script.id }, { onSuccess: () => router.refresh() })}
            >
              Restore
            </button>
          )}
          {!readOnly && (
            <PublishButton
              label={isDraft ? `Publish version ${version.number}` : "Published"}
              reasons={isDraft ? publish.reasons : []}
              busy={!isDraft || publish.busy}
              onPublish={publish.onPublish}
            />
          )}
        </div>
      </div>

      {!readOnly && !isDraft && (
        <p className="mt-3 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          Version {version.number} is published{latestPublished && latestPublished.interviewCount > 0 ? " and in use" : ""}: it never
          changes. Your next edit starts version {version.number + 1} as a draft; interviews keep the version they started with.
        </p>
      )}
      {readOnly && (
        <p className="mt-3 rounded-md border border-slate-300 bg-white p-3 text-sm text-slate-700">
          {script.status === "ARCHIVED" ? "This script is archived." : "You can read this script; hiring managers and admins edit it."}
        </p>
      )}
      <ErrorAlert error={publish.error} variant="boxed" className="mt-3" />
      <ErrorAlert error={duplicate.error ?? archive.error ?? restore.error} variant="boxed" className="mt-3" />
    </>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === "saved"
      ? state.at
        ? "All changes saved"
        : "No changes yet"
      : state.kind === "saving"
        ? "Saving…"
        : state.kind === "unsaved"
          ? "Unsaved changes"
          : state.kind === "blocked"
            ? `Not saved: ${state.reasons[0]}`
            : state.kind === "conflict"
              ? state.message
              : `Not saved: ${state.message}`;
  const tone = state.kind === "failed" || state.kind === "conflict" || state.kind === "blocked" ? "text-red-800" : "text-slate-700";
  return (
    <p role="status" aria-live="polite" className={`max-w-80 text-sm ${tone}`} data-testid="save-state">
      {text}
      {state.kind === "conflict" && (
        <>
          {" "}
          <button type="button" className="underline" onClick={() => window.location.reload()}>
            Reload
          </button>
        </>
      )}
    </p>
  );
}
