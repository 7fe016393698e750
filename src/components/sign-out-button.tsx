"use client";
import { signOut } from "./next-auth-client";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="btn-secondary"
      onClick={async () => {
        // The offline copy of scoring pages belongs to this user only.
        if ("caches" in window) await caches.delete("panelkit-scoring-v1").catch(() => false);
        await signOut("/signin");
      }}
    >
      Sign out
    </button>
  );
}
