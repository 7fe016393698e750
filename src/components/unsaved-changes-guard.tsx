"use client";
// Asks before a page with unsent typing is left: a debrief's rationale, a question being written, a form half
// filled in. Written once for every form of the signed-in app rather than per form: it watches the document.
// - A form counts from the moment a text field in it takes focus (its text fields' values are noted then), and
//   again each time it is sent (the values sent are noted). It has unsaved text when a field now holds
//   something other than what was noted and is not empty (typing and then erasing it leaves nothing to lose,
//   and a form that empties itself after a successful send is not asked about).
// - Left out: search and filter forms (role="search"), forms that keep their own draft (data-draft-kept, the
//   scorecard's summary), and forms no longer on the page.
// - A click on a link to another page of the app asks first (the App Router has no "before leave" event);
//   reloading, closing the tab or typing an address gets the browser's own question (beforeunload).
// Autosaving screens (scoring, the script builder) hold their links in use-hold-navigation until a change is
// saved; this guard is for forms that are only saved when sent. The browser's back button is not asked about:
// the App Router gives no way to stop it.
import { useEffect } from "react";
import { inAppLink } from "./use-hold-navigation";

type TextField = HTMLInputElement | HTMLTextAreaElement;

/** Fields a person types into; choices (checkboxes, radios, selects) are quick to make again. */
const TEXT_INPUT_TYPES = new Set(["text", "email", "url", "tel", "number", "date", "datetime-local", "time", "month", "week"]);

function isTextField(element: EventTarget | null): element is TextField {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type) && !element.readOnly && !element.disabled;
}

/** The form whose text this guard keeps an eye on, or null when it is one of those left out. */
function guardedForm(field: TextField): HTMLFormElement | null {
  const form = field.form;
  if (!form || form.getAttribute("role") === "search" || form.hasAttribute("data-draft-kept")) return null;
  return form;
}

const textFields = (form: HTMLFormElement): TextField[] => Array.from(form.elements).filter(isTextField);
const noteValues = (form: HTMLFormElement) => new Map<TextField, string>(textFields(form).map((field) => [field, field.value]));

export function UnsavedChangesGuard({ question }: { question: string }) {
  useEffect(() => {
    const noted = new Map<HTMLFormElement, Map<TextField, string>>();

    function hasUnsavedText(): boolean {
      for (const [form, values] of noted) {
        if (!form.isConnected) {
          noted.delete(form);
          continue;
        }
        if (textFields(form).some((field) => field.value.trim() !== "" && field.value !== (values.get(field) ?? ""))) return true;
      }
      return false;
    }
    function onFocusIn(event: FocusEvent) {
      if (!isTextField(event.target)) return;
      const form = guardedForm(event.target);
      if (form && !noted.has(form)) noted.set(form, noteValues(form));
    }
    function onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (form instanceof HTMLFormElement && noted.has(form)) noted.set(form, noteValues(form));
    }
    function onClick(event: MouseEvent) {
      const url = inAppLink(event);
      if (!url || !hasUnsavedText()) return;
      if (window.confirm(question)) {
        // Agreed: the page's own beforeunload must not ask a second time.
        noted.clear();
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (!hasUnsavedText()) return;
      event.preventDefault();
      // Browsers that predate preventDefault here ask when returnValue is set; the text they show is their own.
      event.returnValue = "";
    }
    document.addEventListener("focusin", onFocusIn, true);
    document.addEventListener("submit", onSubmit, true);
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("focusin", onFocusIn, true);
      document.removeEventListener("submit", onSubmit, true);
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [question]);
  return null;
}
