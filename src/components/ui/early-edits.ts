// A choice made or text typed in a server-rendered field before the page's code has taken it over (hydration)
// was lost: React keeps what the field shows but never calls its onChange for it, so the page's state stayed
// as rendered (a bank picker showing one bank over the list of every bank), and the next render put the field
// back. On a tablet on a slow network that is a second or more in which a filter or a typed name is dropped.
// - An inline script in the root layout (EARLY_EDITS_SCRIPT, with the request's CSP nonce) keeps what a person
//   chooses or types in a field from the first byte of the page on; it can import nothing, as it runs before
//   any bundle.
// - The form primitives (field.tsx) give their controlled fields `keepEarlyEdit(value)` as a ref. When React
//   first attaches such a field and something other than its value was chosen or typed in it, the change is
//   handed to React as the person made it, so the field's own onChange runs once, with that value.
// No library does this (React's own replay covers only events that arrive after it has started), hence by hand.

// The same script stops a form from being sent by the browser itself. A form of the app is sent by its page's
// code (onSubmit); before that code had run, the browser sent it instead, loading the current page again with
// every field in the address (a sign-in form's password in the address bar and the history; a new script's
// title, and nothing created). The script listens last (on window, bubbling): a send that no code prevented
// is stopped and kept, and when React first attaches a field of that form (the fields below) the form is sent
// again through its own onSubmit, after the fields' early edits. A form that says where and how to be sent
// (`action` or `method`, such as the fairness report's filters) is left to the browser.

/** Where the inline script keeps each field's early value, by the field's id. */
const EDITS = "__panelkitEarlyEdits";
/** Set on a field once React has it: from then on its onChange sees every edit. */
const CLAIMED = "__panelkitClaimed";
/** The form the browser was stopped from sending, and the button it was sent with. */
const SUBMIT = "__panelkitEarlySubmit";

/**
 * The inline script: keeps the value of any input, select or textarea with an id that gets an input or change
 * event before React has it, with the page's path (never a password: nothing here needs it, and a value kept
 * is held until React attaches its field). By id, not on the element: React may draw a part of the page afresh rather than
 * take over the server's fields (when something above it changed before it was hydrated), and the new field
 * has the same id (useId is the same on the server and in the browser).
 */
export const EARLY_EDITS_SCRIPT = `(function(){var k=window.${EDITS}={};function m(e){var t=e.target;if(t&&t.id&&!t.${CLAIMED}&&t.type!=="password"&&/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))k[t.id]=[t.value,location.pathname]}document.addEventListener("input",m,true);document.addEventListener("change",m,true);window.addEventListener("submit",function(e){var f=e.target;if(!e.defaultPrevented&&f&&f.tagName==="FORM"&&!f.hasAttribute("action")&&!f.hasAttribute("method")){e.preventDefault();window.${SUBMIT}=[f,e.submitter]}})})();`;

type EarlyField = (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) & { [CLAIMED]?: true };
/** Per field id: the value, and the page it was given on. */
type EarlyWindow = Window & {
  [EDITS]?: Record<string, [string, string]>;
  [SUBMIT]?: [HTMLFormElement, HTMLElement | null];
};

/** Sets a field's value past React's own record of it, so the input event that follows reads as a change. */
function setShownValue(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, "value")?.set?.call(field, value);
}

/** Sends again, through its own onSubmit, a form of this field's that the browser was stopped from sending. */
function resendEarlySubmit(field: EarlyField) {
  const early = window as EarlyWindow;
  const stopped = early[SUBMIT];
  if (!stopped || stopped[0] !== field.form) return;
  delete early[SUBMIT];
  const [form, button] = stopped;
  // After the fields' early edits (microtasks) have reached the page's state.
  setTimeout(() => {
    if (form.isConnected) form.requestSubmit(button instanceof HTMLButtonElement && button.form === form ? button : null);
  });
}

/**
 * A ref for a field: `value` is what the page rendered it with (undefined when the field is not controlled).
 * When React first attaches the field: an edit made in it before the page came to life goes to its onChange,
 * once, and its form, if the browser was stopped from sending it then, is sent.
 */
export function keepEarlyEdit(value: unknown) {
  return (field: EarlyField | null) => {
    if (!field || field[CLAIMED]) return;
    field[CLAIMED] = true;
    const edits = (window as EarlyWindow)[EDITS];
    const early = edits?.[field.id];
    if (early) delete edits![field.id];
    resendEarlySubmit(field);
    if (value === undefined || !early) return;
    // Only on the page it was given on (a field of another page, reached later, may have the same id).
    const [typed, page] = early;
    if (page !== window.location.pathname) return;
    const rendered = value == null ? "" : String(value);
    if (typed === rendered) return;
    const isSelect = field instanceof HTMLSelectElement;
    if (isSelect && !Array.from(field.options).some((option) => option.value === typed)) return;
    // After React has finished attaching: the event goes through its handlers like the person's own would.
    queueMicrotask(() => {
      if (isSelect) {
        field.value = typed;
        field.dispatchEvent(new Event("change", { bubbles: true }));
        return;
      }
      // React notes a text field's value and calls onChange only when the value differs from that note: set the
      // rendered value through React's setter (the note), then show what was typed again.
      field.value = rendered;
      setShownValue(field as HTMLInputElement | HTMLTextAreaElement, typed);
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
  };
}
