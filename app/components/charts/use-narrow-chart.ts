import { useSyncExternalStore } from "react";

/** The width below which charts trade label room for plot room (a phone held upright). */
const NARROW = "(max-width: 40rem)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * True on a narrow screen. Category labels 170 px wide leave a 390 px phone a
 * plot of ~40 px, so charts shrink their labels and margins there. Charts draw
 * only in the browser, so the server's answer (false) is never drawn.
 */
export function useNarrowChart(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}
