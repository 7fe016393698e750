// A tap on a rating before the scoring page's scripts have run did nothing: the server-rendered buttons have no
// handlers until React hydrates the page, and React replays only the events that arrive after it has started.
// On a tablet on a slow network that is a second or more in which a panelist's rating was silently dropped.
// A few lines of inline script (page.tsx, with the request's CSP nonce) keep those taps and mark the button
// tapped; once the screen is live it takes them and rates through the same path as a tap would (scoring-screen).
// Written by hand: it has to run before any bundle has loaded, so it can import nothing.
import type { RatingValue } from "@/lib/scoring/save-queue";

/**
 * What the inline script keeps for each tap: the question, the competency and the level ("na": not assessed).
 * `key`: made with the keyboard (1-4, n) on the question in focus, which moves on to the next competency shown,
 * as the live screen's keys do.
 */
export type EarlyTap = { itemId: string; competencyId: string; rate: string; key?: boolean };

type EarlyTapWindow = Window & { __panelkitEarlyTaps?: { taps: EarlyTap[]; stop: () => void } };

/**
 * The inline script. Listens for clicks on a rating button ([data-rate] inside a [data-competency-id] fieldset
 * inside a [data-item-id] question) until the screen takes the taps, and shows the tapped button as chosen.
 * Keys as the live screen reads them (use-rating-keys.ts): 1-4 or n outside a field rate the question in focus's
 * competencies in turn, from the first shown; any other key (moving, the notes) ends that, and later keys wait
 * for the live screen, as does a question in focus other than the one the address names (an offline copy).
 */
export const EARLY_TAPS_SCRIPT = `(function(){var taps=[],k=0,off=false;function mark(b,f,q,key){taps.push({itemId:q.getAttribute("data-item-id"),competencyId:f.getAttribute("data-competency-id"),rate:b.getAttribute("data-rate"),key:key});f.querySelectorAll("[data-rate]").forEach(function(o){o.setAttribute("aria-checked",o===b?"true":"false")})}function on(e){var b=e.target&&e.target.closest&&e.target.closest("[data-rate]");if(!b)return;var f=b.closest("[data-competency-id]"),q=b.closest("[data-item-id]");if(!f||!q)return;mark(b,f,q,false)}function key(e){var t=e.target;if(off||e.altKey||e.ctrlKey||e.metaKey||(t&&(/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)||t.isContentEditable)))return;var r=e.key==="n"?"na":/^[1-4]$/.test(e.key)?e.key:"";var q=document.querySelector('[data-testid="question-in-focus"]'),u=new URLSearchParams(location.search).get("q");if(!r||!q||(u&&u!==q.getAttribute("data-question"))){off=true;return}var fs=q.querySelectorAll("[data-competency-id]"),f=fs[Math.min(k,fs.length-1)],b=f&&f.querySelector('[data-rate="'+r+'"]');if(!b)return;mark(b,f,q,true);k++;e.preventDefault()}document.addEventListener("click",on,true);document.addEventListener("keydown",key,true);window.__panelkitEarlyTaps={taps:taps,stop:function(){document.removeEventListener("click",on,true);document.removeEventListener("keydown",key,true)}}})();`;

/**
 * A kept tap as the rating it makes. `next`: after a key, the index of the competency the live screen's keys
 * would now rate (the next one of the question, or the same when it was the last).
 */
type EarlyRating = { itemId: string; competencyId: string; value: RatingValue; next?: number };

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
  for (const { itemId, competencyId, rate, key } of early.taps.splice(0)) {
    const competencies = items.find((i) => i.itemId === itemId)?.competencies ?? [];
    const at = competencies.findIndex((c) => c.id === competencyId);
    const competency = competencies[at];
    if (!competency) continue;
    const value: RatingValue | null =
      rate === "na"
        ? { score: null, notAssessed: true }
        : competency.anchors.some((a) => String(a.level) === rate)
          ? { score: Number(rate), notAssessed: false }
          : null;
    if (value) ratings.push(key ? { itemId, competencyId, value, next: Math.min(at + 1, competencies.length - 1) } : { itemId, competencyId, value });
  }
  return ratings;
}
