// A page's title, with an optional line under it and actions beside it.
import type { ReactNode } from "react";

export function PageHeader({ title, description, actions, className = "" }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; className?: string }) {
  const heading = (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {description && <p className="mt-1 text-slate-700">{description}</p>}
    </>
  );
  if (!actions) return <div className={className}>{heading}</div>;
  return (
    <div className={`flex flex-wrap items-start justify-between gap-3 ${className}`.trim()}>
      <div>{heading}</div>
      <div className="flex flex-wrap gap-2">{actions}</div>
    </div>
  );
}

/** What a page says to a role that may not use it, in place of the page. */
export function NotForYourRole({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-700">{children}</p>
    </>
  );
}
