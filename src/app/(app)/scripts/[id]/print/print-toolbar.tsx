"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function PrintToolbar({ includeExamples }: { includeExamples: boolean }) {
  const t = useTranslations("scripts");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // Shown at once; the page re-renders with or without the examples when the server answers.
  const [checked, setChecked] = useState(includeExamples);
  return (
    <div className="mt-3 flex flex-wrap items-center gap-4 rounded-md border border-slate-200 bg-slate-50 p-3">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          className="size-5"
          checked={checked}
          onChange={(e) => {
            setChecked(e.target.checked);
            const next = new URLSearchParams(params.toString());
            if (e.target.checked) next.delete("examples");
            else next.set("examples", "0");
            router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
          }}
        />
        {t("print.includeExamples")}
      </label>
      <button type="button" className="btn-primary" onClick={() => window.print()}>
        {t("print.print")}
      </button>
    </div>
  );
}
