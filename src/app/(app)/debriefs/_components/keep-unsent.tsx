"use client";
// Keeps a debrief form on the page while it holds text its author has not sent, when a live refresh would take
// it away: another chair recorded the decision (the outcome form goes), the debrief closed (the entry and
// comment forms go) or it can't be recorded for now. Without it, DebriefLive's router.refresh() unmounted the
// form and the rationale, justification, reason or comment being typed vanished without a word (the
// unsaved-changes guard ignores forms no longer on the page).
//
// Why this rather than holding the refresh while a form is dirty: the page stays live for everything else (an
// entry, a comment, the decision appear as they happen, to a chair typing a long rationale too), and there is
// no second "show the change" step that would drop the text in turn. Only the removal of the one form with
// unsent text is put off. The form stays as it was, under a notice that says why it can't be sent any more; a
// send is answered by the server's existing refusal ("already recorded by …", "This debrief is closed"), and
// the unsaved-changes guard still asks before the page is left. It shows nothing new to anyone: the notice
// names what the page already shows above it (the decision and who recorded it, the debrief's status), and
// only to the person whose own text it keeps.
//
// A form says whether it holds unsent text with useKeepUnsent; it goes once that text is sent or erased.
import { createContext, use, useEffect, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

const ReportUnsent = createContext<((unsent: boolean) => void) | null>(null);

/** Called by a form inside KeepUnsent: whether it holds text typed and not (successfully) sent. */
export function useKeepUnsent(unsent: boolean): void {
  const report = use(ReportUnsent);
  useEffect(() => report?.(unsent), [report, unsent]);
}

const absent = (node: ReactNode) => node === null || node === undefined || typeof node === "boolean";

type Props = {
  /** The form, or nothing when the page no longer offers it. */
  children: ReactNode;
  /** Why the form kept on the page can no longer be sent (the server words it for the page as it is now). */
  notice: string;
};

export function KeepUnsent({ children, notice }: Props) {
  const [unsent, setUnsent] = useState(false);
  // The form as last offered, rendered in the same place while it is kept so its state (the text) survives.
  const [kept, setKept] = useState<ReactNode>(absent(children) ? null : children);
  const gone = absent(children);
  if (!gone && children !== kept) setKept(children);
  if (gone && !unsent && kept !== null) setKept(null);
  const keeping = gone && unsent && kept !== null;
  return (
    <ReportUnsent value={setUnsent}>
      {keeping && (
        <div className="mt-3" data-testid="kept-unsent">
          <Alert tone="warning" role="alert">
            {notice}
          </Alert>
        </div>
      )}
      {gone ? (keeping ? kept : null) : children}
    </ReportUnsent>
  );
}
