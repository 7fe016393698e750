"use client";
// "Print" is a common message, so every page that shows this button has it without naming a namespace.
import { useTranslations } from "next-intl";

export function PrintButton({ className = "btn-secondary print:hidden" }: { className?: string }) {
  const t = useTranslations("common");
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
