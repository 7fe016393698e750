"use client";
import { forgetSubmitDrafts } from "./submit-drafts";

async function signOutHere() {
  // The offline copy of scoring pages and any unsubmitted summary kept in this browser belong to this user only.
  if ("caches" in window) await caches.delete("panelkit-scoring-v1").catch(() => false);
  forgetSubmitDrafts(window.localStorage);
  // Loaded on click: every page shows this button, few pages are left this way.
  const { signOut } = await import("./next-auth-client");
  await signOut("/signin");
}

/** The label comes from the server-rendered shell (this button needs no messages of its own in the browser). */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-secondary" onClick={() => void signOutHere()}>
      {label}
    </button>
  );
}
