"use client";

/** The label comes from the server-rendered shell (this button needs no messages of its own in the browser). */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-secondary" onClick={() => void import("./sign-out").then((m) => m.signOutHere())}>
      {label}
    </button>
  );
}
