"use client";
// The scoring screen's keyboard: 1–4 rate the active competency (and move to the next), n marks it not
// assessed (where offered), arrows or j/k move between questions, and any other keys the screen adds (e for
// the notes). Keys typed into a field are the field's; Esc leaves it. Shared by live interviews and practice.
import { useEffect } from "react";
import type { RatingValue } from "@/lib/scoring/save-queue";

export function useRatingKeys(options: {
  enabled: boolean;
  competencyIds: readonly string[];
  activeCompetency: number;
  setActiveCompetency: (index: number) => void;
  rate: (competencyId: string, value: RatingValue) => void;
  /** Whether n marks the active competency not assessed. */
  notAssessed: boolean;
  move: (delta: 1 | -1) => void;
  /** More single-key actions (e.g. { e: focus the notes }). */
  keys?: Record<string, () => void>;
}) {
  useEffect(() => {
    const { enabled, competencyIds, activeCompetency, setActiveCompetency, rate, notAssessed, move, keys } = options;
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (!enabled || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT" || target.tagName === "SELECT" || target.isContentEditable)) {
        if (event.key === "Escape") target.blur();
        return;
      }
      const competencyId = competencyIds[Math.min(activeCompetency, competencyIds.length - 1)];
      if (/^[1-4]$/.test(event.key) && competencyId) {
        rate(competencyId, { score: Number(event.key), notAssessed: false });
        if (activeCompetency < competencyIds.length - 1) setActiveCompetency(activeCompetency + 1);
        event.preventDefault();
      } else if (event.key === "n" && notAssessed && competencyId) {
        rate(competencyId, { score: null, notAssessed: true });
        if (activeCompetency < competencyIds.length - 1) setActiveCompetency(activeCompetency + 1);
        event.preventDefault();
      } else if (event.key === "ArrowRight" || event.key === "j") {
        move(1);
        event.preventDefault();
      } else if (event.key === "ArrowLeft" || event.key === "k") {
        move(-1);
        event.preventDefault();
      } else if (keys?.[event.key]) {
        keys[event.key]!();
        event.preventDefault();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
}
