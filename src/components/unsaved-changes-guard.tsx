"use client";
// Asks before a page with unsent typing is left: a debrief's rationale, a question being written, a form half
// filled in. Written once for every form of the signed-in app rather than per form: it watches the document,
// and the shell's menu (nav-links.tsx) renders it on every signed-in page but the scoring screen, in a chunk
// of its own (that page's first-load budget; its edits are saved as they are typed, see below).
// - A form counts from the moment a text field in it takes focus (its text fields' values are noted then), and
//   again each time it is sent (the values sent are noted). It has unsaved text when a field now holds
//   something other than what was noted and is not empty (typing and then erasing it leaves nothing to lose,
//   and a form that empties itself after a successful send is not asked about). A send the page answered with
//   an error (an alert inside the form: refused, changed elsewhere, no connection) saved nothing, so while that
//   alert shows, what differs from the values first noted counts.
// - Left out: search and filter forms (role="search") and forms no longer on the page.
// - A click on a link to another page of the app asks first (the App Router has no "before leave" event);
//   reloading, closing the tab or typing an address gets the browser's own question (beforeunload).
// Autosaving screens (scoring, the script builder) hold their links in use-hold-navigation until a change is
// saved; this guard is for forms that are only saved when sent. The browser's back button is not asked about:
// the App Router gives no way to stop it.
import { useEffect } from "react";
import { inAppLink } from "./use-hold-navigation";

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Marks the document while the guard watches it (browser tests wait for it before typing). */
export const GUARD_ATTRIBUTE = "data-unsaved-changes-guard";

/** Fields a person types into; choices (checkboxes, radios, selects) are quick to make again. */
const TEXT_INPUT_TYPES = new Set(["text", "email", "url", "tel", "number", "date", "datetime-local", "time", "month", "week"]);

const isTextField = (element: unknown): element is TextField =>
  (element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type))) && !element.readOnly && !element.disabled;

const textFields = (form: HTMLFormElement): TextField[] => Array.from(form.elements).filter(isTextField);
const guarded = (form: HTMLFormElement) => form.getAttribute("role") !== "search";

type Values = Map<Element, string>;
const valuesOf = (form: HTMLFormElement): Values => new Map(textFields(form).map((field) => [field, field.value]));
const differs = (form: HTMLFormElement, values: Values) => textFields(form).some((field) => field.value.trim() !== "" && field.value !== (values.get(field) ?? ""));
const showsError = (form: HTMLFormElement) => Array.from(form.querySelectorAll('[role="alert"]')).some((alert) => alert.textContent?.trim());

/** Watches the document until the returned function is called. */
export function watchUnsavedChanges(question: string): () => void {
  // Per form: its values when first focused, and as last sent.
  const noted = new Map<HTMLFormElement, { first: Values; sent: Values }>();
  const unsaved = () =>
    [...noted].some(([form, { first, sent }]) => form.isConnected && (differs(form, sent) || (showsError(form) && differs(form, first))));

  function onFocusIn({ target }: FocusEvent) {
    const form = isTextField(target) ? target.form : null;
    if (form && !noted.has(form) && guarded(form)) {
      const values = valuesOf(form);
      noted.set(form, { first: values, sent: values });
    }
  }
  function onSubmit({ target }: SubmitEvent) {
    const entry = target instanceof HTMLFormElement ? noted.get(target) : undefined;
    if (entry) entry.sent = valuesOf(target as HTMLFormElement);
  }
  function onClick(event: MouseEvent) {
    if (!inAppLink(event) || !unsaved()) return;
    if (window.confirm(question)) {
      // Agreed: the page's own beforeunload must not ask a second time.
      noted.clear();
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
  }
  function onBeforeUnload(event: BeforeUnloadEvent) {
    if (!unsaved()) return;
    event.preventDefault();
    // Browsers that predate preventDefault here ask when returnValue is set; the text they show is their own.
    event.returnValue = "";
  }
  // A field already focused when the guard started (it loads just after the page) counts from now.
  if (isTextField(document.activeElement)) onFocusIn({ target: document.activeElement } as unknown as FocusEvent);
  document.addEventListener("focusin", onFocusIn, true);
  document.addEventListener("submit", onSubmit, true);
  document.addEventListener("click", onClick, true);
  window.addEventListener("beforeunload", onBeforeUnload);
  document.documentElement.setAttribute(GUARD_ATTRIBUTE, "");
  return () => {
    document.documentElement.removeAttribute(GUARD_ATTRIBUTE);
    document.removeEventListener("focusin", onFocusIn, true);
    document.removeEventListener("submit", onSubmit, true);
    document.removeEventListener("click", onClick, true);
    window.removeEventListener("beforeunload", onBeforeUnload);
  };
}

/** Renders nothing: the watch runs while it is mounted. */
export function UnsavedChangesGuard({ question }: { question: string }) {
  useEffect(() => watchUnsavedChanges(question), [question]);
  return null;
}
