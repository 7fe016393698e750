"use client";

export function SignOutButton() {
  return (
    <button
      type="button"
      className="btn-secondary"
      onClick={async () => {
        // The offline copy of scoring pages belongs to this user only.
        if ("caches" in window) await caches.delete("panelkit-scoring-v1").catch(() => false);
        // Loaded on click: every page shows this button, few pages are left this way.
        const { signOut } = await import("./next-auth-client");
        await signOut("/signin");
      }}
    >
      Sign out
    </button>
  );
}
