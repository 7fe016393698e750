"use client";
// A text field with a length limit that says so where it happens: a counter once the text nears the limit,
// and a message when a paste (or anything else) had to be cut to fit, so nothing is ever cut silently.
import { useTranslations } from "next-intl";
import { useId, useState, type ClipboardEvent, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";

/** The counter shows from this share of the limit on; below it the limit is far away and the count is noise. */
const SHOW_COUNTER_FROM = 0.8;

type Translate = (key: "textCut", values: { pasted: string; leftOut: number; limit: number }) => string;

/** What a cut left out, in the reader's language (common.ui.textCut). */
export function cutMessage(t: Translate, leftOut: number, limit: number, pasted: boolean): string {
  return t("textCut", { pasted: String(pasted), leftOut, limit });
}

type Common = {
  limit: number;
  value: string;
  onValueChange: (value: string) => void;
};
type TextareaProps = Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange" | "maxLength">;
type InputProps = Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "maxLength">;

export function LimitedTextField(props: TextareaProps | InputProps) {
  const { limit, value, onValueChange, multiline, "aria-describedby": describedBy, ...rest } = props;
  const t = useTranslations("common.ui");
  const id = useId();
  const [notice, setNotice] = useState<string | null>(null);

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement | HTMLInputElement>) {
    const pasted = event.clipboardData.getData("text/plain");
    const field = event.currentTarget;
    const selected = (field.selectionEnd ?? 0) - (field.selectionStart ?? 0);
    const room = limit - (field.value.length - selected);
    // The browser cuts the paste to maxLength itself; this only says that it did.
    setNotice(pasted.length > room ? cutMessage(t, pasted.length - Math.max(room, 0), limit, true) : null);
  }

  function onChange(next: string) {
    if (next.length > limit) {
      // Text set without the browser's maxLength check (autofill, scripts, some input methods).
      setNotice(cutMessage(t, next.length - limit, limit, false));
      onValueChange(next.slice(0, limit));
      return;
    }
    if (next.length < value.length) setNotice(null);
    onValueChange(next);
  }

  const nearLimit = value.length >= limit * SHOW_COUNTER_FROM;
  const describedByAll = [describedBy, nearLimit ? `${id}-count` : null, notice ? `${id}-notice` : null].filter(Boolean).join(" ") || undefined;
  const shared = { value, maxLength: limit, onPaste, "aria-describedby": describedByAll };
  return (
    <>
      {multiline ? (
        <textarea {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...shared} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...(rest as InputHTMLAttributes<HTMLInputElement>)} {...shared} onChange={(e) => onChange(e.target.value)} />
      )}
      {nearLimit && (
        <p id={`${id}-count`} className={`mt-1 text-right text-xs ${value.length >= limit ? "font-semibold text-amber-900" : "text-slate-700"}`}>
          {t("charCount", { count: value.length, limit })}
        </p>
      )}
      {notice && (
        <p id={`${id}-notice`} role="status" className="mt-1 text-sm font-medium text-amber-900">
          {notice}
        </p>
      )}
    </>
  );
}
