// A tap on a rating before the scoring page's scripts have run did nothing: the server-rendered buttons have no
// handlers until React hydrates the page, and React replays only the events that arrive after it has started.
// On a tablet on a slow network that is a second or more in which a panelist's rating was silently dropped.
// A few lines of inline script (page.tsx, with the request's CSP nonce) keep those taps and mark the button
// tapped; once the screen is live it takes them and rates through the same path as a tap would (scoring-screen).
// Written by hand: it has to run before any bundle has loaded, so it can import nothing.
import type { RatingValue } from "@/lib/scoring/save-queue";

/** What the inline script keeps for each tap: the question, the competency and the level ("na": not assessed). */
export type EarlyTap = { itemId: string; competencyId: string; rate: string };

type EarlyTapWindow = Window & { __panelkitEarlyTaps?: { taps: EarlyTap[]; stop: () => void } };

/**
 * The inline script. Listens for clicks on a rating button ([data-rate] inside a [data-competency-id] fieldset
 * inside a [data-item-id] question) until the screen takes the taps, and shows the tapped button as chosen.
 */
export const EARLY_TAPS_SCRIPT = `(function(){var taps=[];function on(e){var b=e.target&&e.target.closest&&e.target.closest("[data-rate]");if(!b)return;var f=b.closest("[data-competency-id]"),q=b.closest("[data-item-id]");if(!f||!q)return;taps.push({itemId:q.getAttribute("data-item-id"),competencyId:f.getAttribute("data-competency-id"),rate:b.getAttribute("data-rate")});f.querySelectorAll("[data-rate]").forEach(function(o){o.setAttribute("aria-checked",o===b?"true":"false")})}document.addEventListener("click",on,true);window.__panelkitEarlyTaps={taps:taps,stop:function(){document.removeEventListener("click",on,true)}}})();`;

/** A kept tap as the rating it makes. */
type EarlyRating = { itemId: string; competencyId: string; value: RatingValue };

/**
 * Stops listening and gives the taps made before the screen was live, as ratings of the screen's own questions
 * and competencies (anything else on the page is ignored). Called once, after hydration.
 */
export function takeEarlyTaps(
  items: ReadonlyArray<{ itemId: string; competencies: ReadonlyArray<{ id: string; anchors: ReadonlyArray<{ level: number }> }> }>,
): EarlyRating[] {
  const early = (window as EarlyTapWindow).__panelkitEarlyTaps;
  if (!early) return [];
  early.stop();
  const ratings: EarlyRating[] = [];
  for (const { itemId, competencyId, rate } of early.taps.splice(0)) {
    const competency = items.find((i) => i.itemId === itemId)?.competencies.find((c) => c.id === competencyId);
    if (!competency) continue;
    const value: RatingValue | null =
      rate === "na"
        ? { score: null, notAssessed: true }
        : competency.anchors.some((a) => String(a.level) === rate)
          ? { score: Number(rate), notAssessed: false }
          : null;
    if (value) ratings.push({ itemId, competencyId, value });
  }
  return ratings;
}
