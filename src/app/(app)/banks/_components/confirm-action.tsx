"use client";
// A destructive action asked twice, inline: the first press shows what will happen and a second button.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

type Props = {
  /** The first button's text, e.g. "Delete". */
  label: string;
  /** Its accessible name when the visible label needs context ("Delete question 3"). */
  accessibleLabel?: string;
  /** What will happen, shown with the confirming button. */
  question: string;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
};

export function ConfirmAction({ label, accessibleLabel, question, confirmLabel, pending = false, onConfirm }: Props) {
  const t = useTranslations("banks");
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className="btn-secondary text-red-800" aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={accessibleLabel ?? label} className="flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 p-2">
      <p className="text-sm text-red-900">{question}</p>
      <button type="button" className="btn bg-red-700 text-white hover:bg-red-800" disabled={pending} onClick={onConfirm}>
        {pending ? t("confirm.deleting") : confirmLabel}
      </button>
      <button ref={cancelRef} type="button" className="btn-secondary" disabled={pending} onClick={() => setAsking(false)}>
        {t("confirm.cancel")}
      </button>
    </div>
  );
}
