// A choice made or text typed in a server-rendered field before the page's code has taken it over (hydration)
// was lost: React keeps what the field shows but never calls its onChange for it, so the page's state stayed
// as rendered (a bank picker showing one bank over the list of every bank), and the next render put the field
// back. On a tablet on a slow network that is a second or more in which a filter or a typed name is dropped.
// - An inline script in the root layout (EARLY_EDITS_SCRIPT, with the request's CSP nonce) marks each field a
//   person changes from the first byte of the page on; it can import nothing, as it runs before any bundle.
// - The form primitives (field.tsx) give their controlled fields `keepEarlyEdit(value)` as a ref. When React
//   first attaches a field that was marked and shows something other than its value, the change is handed to
//   React as the person made it, so the field's own onChange runs once, with what the field shows.
// No library does this (React's own replay covers only events that arrive after it has started), hence by hand.

const MARK = "__panelkitEarlyEdit";

/** The inline script: marks any input, select or textarea that gets an input or change event. */
export const EARLY_EDITS_SCRIPT = `(function(){function m(e){var t=e.target;if(t&&/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))t.${MARK}=1}document.addEventListener("input",m,true);document.addEventListener("change",m,true)})();`;

type EarlyField = (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) & { [MARK]?: number };

/** Fields already attached once: only the first attachment (hydration, for a server-rendered field) counts. */
const attached = new WeakSet<Element>();

/** Sets a field's value past React's own record of it, so the input event that follows reads as a change. */
function setShownValue(field: HTMLInputElement | HTMLTextAreaElement, value: string) {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, "value")?.set?.call(field, value);
}

/**
 * A ref for a controlled field: `value` is what the page rendered it with. Hands an edit made before the page
 * came to life to the field's onChange.
 */
export function keepEarlyEdit(value: unknown) {
  return (field: EarlyField | null) => {
    if (!field || attached.has(field)) return;
    attached.add(field);
    const rendered = value == null ? "" : String(value);
    if (!field[MARK] || field.value === rendered) return;
    // A select offered no such value shows its first option: that is not a choice anyone made.
    if (field instanceof HTMLSelectElement && !Array.from(field.options).some((option) => option.value === rendered)) return;
    const shown = field.value;
    // After React has finished attaching: the event goes through its handlers like the person's own would.
    queueMicrotask(() => {
      if (field instanceof HTMLSelectElement) {
        field.dispatchEvent(new Event("change", { bubbles: true }));
        return;
      }
      // React notes a text field's value as it found it and calls onChange only when the value differs from
      // that note: set the rendered value through React's setter (the note), then show what was typed again.
      field.value = rendered;
      setShownValue(field, shown);
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
  };
}
