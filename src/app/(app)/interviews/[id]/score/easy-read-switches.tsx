"use client";
// The scoring screen's reading options (issue 23): easy-read mode, kept on the panelist's user record so it
// follows them to every interview, and symbols beside the levels, kept in this browser. Both are switches
// (role="switch") at least 44 px high.
import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { loadTRPCClient } from "@/trpc/load-client";

const SYMBOLS_KEY = "panelkit:easy-read-symbols";

/** Easy-read on or off: starts from the server's answer (the panelist's choice, else their seat's default). */
export function useEasyReadChoice(initial: boolean) {
  const [on, setOn] = useState(initial);
  function change(next: boolean) {
    setOn(next);
    loadTRPCClient()
      .then((client) => client.scoringPreferences.setEasyRead.mutate({ easyRead: next }))
      .catch(() => {
        // Not kept (offline, or a panelist without an account): the switch still works on this page.
      });
  }
  return [on, change] as const;
}

/** Symbols on or off, remembered in this browser. */
export function useSymbolsChoice() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    try {
      // Browser storage can only be read after hydration (symbols start off, so only "on" changes anything).
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (window.localStorage.getItem(SYMBOLS_KEY) === "on") setOn(true);
    } catch {
      // storage unavailable: symbols start off
    }
  }, []);
  function change(next: boolean) {
    setOn(next);
    try {
      window.localStorage.setItem(SYMBOLS_KEY, next ? "on" : "off");
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }
  return [on, change] as const;
}

export function EasyReadSwitches(props: { easyRead: boolean; onEasyRead: (on: boolean) => void; symbols: boolean; onSymbols: (on: boolean) => void }) {
  const t = useTranslations("scoring.easyRead");
  return (
    <div role="group" aria-label={t("settings")} className="flex flex-wrap gap-2">
      <Switch label={t("switch")} hint={t("switchHint")} checked={props.easyRead} onChange={props.onEasyRead} />
      {props.easyRead && <Switch label={t("symbols")} hint={t("symbolsHint")} checked={props.symbols} onChange={props.onSymbols} />}
    </div>
  );
}

function Switch({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-describedby={`${id}-hint`}
      onClick={() => onChange(!checked)}
      className={`flex min-h-11 items-center gap-3 rounded-md border px-3 py-1 text-left ${checked ? "border-brand-700 bg-brand-50" : "border-slate-300 bg-white"}`}
    >
      <span aria-hidden="true" className={`relative inline-block h-6 w-11 shrink-0 rounded-full ${checked ? "bg-brand-700" : "bg-slate-500"}`}>
        <span className={`absolute top-1 h-4 w-4 rounded-full bg-white ${checked ? "left-6" : "left-1"}`} />
      </span>
      <span>
        <span className="block font-semibold">{label}</span>
        <span id={`${id}-hint`} className="block text-sm text-slate-700">
          {hint}
        </span>
      </span>
    </button>
  );
}
