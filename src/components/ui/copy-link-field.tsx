"use client";
// A link shown once for handing over by hand (only its hash is stored): a read-only field that selects on
// focus, and a button that copies it. Give it `key={link}` so a new link starts as not yet copied.
import { useTranslations } from "next-intl";
import { useState } from "react";

export function CopyLinkField({ id, label, link }: { id: string; label: string; link: string }) {
  const common = useTranslations("common");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="sr-only">{label}</label>
      <input id={id} readOnly value={link} className="field-input min-w-0 flex-1 font-mono text-sm" onFocus={(e) => e.target.select()} />
      <button type="button" className="btn-secondary" onClick={() => void copy()}>
        {copied ? common("copied") : common("copyLink")}
      </button>
    </div>
  );
}
