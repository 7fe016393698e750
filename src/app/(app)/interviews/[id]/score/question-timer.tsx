"use client";
// A stopwatch for the question in focus, against the minutes the script allots it.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

export function QuestionTimer({ minutes }: { minutes: number }) {
  const t = useTranslations("scoring.timer");
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const started = Date.now() - elapsed * 1000;
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- restart only when started or stopped
  }, [running]);
  const allotted = minutes * 60;
  const over = elapsed > allotted;
  const format = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
      <span className={`font-mono text-base ${over ? "font-semibold text-red-800" : ""}`} role="timer" aria-live="off">
        {format(elapsed)} / {format(allotted)}
      </span>
      <button type="button" className="btn-secondary min-h-9" onClick={() => setRunning(!running)}>
        {running ? t("pause") : elapsed ? t("resume") : t("start")}
      </button>
      {elapsed > 0 && !running && (
        <button type="button" className="btn-secondary min-h-9" onClick={() => setElapsed(0)}>
          {t("reset")}
        </button>
      )}
      {over && <span className="text-red-800">{t("over")}</span>}
    </div>
  );
}
