// Messages that interrupt (errors, announced at once) or report (status, announced politely), in one look.
import type { ReactNode } from "react";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  info: "border-slate-300 bg-slate-50 text-slate-800",
} as const;

type AlertProps = {
  tone?: keyof typeof TONES;
  /** "plain" is the message text alone, for a line under a field or a button. */
  variant?: "boxed" | "plain";
  className?: string;
  /** Overrides the tone's role, e.g. a warning that must interrupt (role="alert"). */
  role?: "alert" | "status";
  children: ReactNode;
};

/** Errors are role="alert"; the other tones are role="status" so they do not interrupt. */
export function Alert({ tone = "error", variant = "boxed", className = "", role: roleOverride, children }: AlertProps) {
  const role = roleOverride ?? (tone === "error" ? "alert" : "status");
  const look = variant === "boxed" ? `rounded-md border p-2 text-sm ${TONES[tone]}` : tone === "error" ? "text-red-800" : "";
  return (
    <p role={role} className={`${look} ${className}`.trim()}>
      {children}
    </p>
  );
}

/** The message of a failed request or mutation, or nothing. */
export function ErrorAlert({ error, variant = "plain", className }: { error: { message: string } | null | undefined; variant?: "boxed" | "plain"; className?: string }) {
  if (!error) return null;
  return (
    <Alert tone="error" variant={variant} className={className}>
      {error.message}
    </Alert>
  );
}
