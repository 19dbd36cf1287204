import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "retrying" }
  | { kind: "invalid" }
  | { kind: "signedOut" }
  | { kind: "locked" };

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

const RETRY_MS = [2000, 4000, 8000, 15000];
const DEBOUNCE_MS = 800;

/**
 * Saves the form in the background a moment after each change, through the
 * autosave endpoint; keeps retrying while offline. A reload then finds it all.
 *
 * `onSaveErrors` hears only about the autosave's own check (errors, or null
 * once a later save passes it): the errors of a Submit are none of its business.
 */
export function useAutosave(
  formRef: React.RefObject<HTMLFormElement | null>,
  url: string,
  enabled: boolean,
  onSaveErrors: (errors: Record<string, string> | null) => void,
) {
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const attempt = useRef(0);
  const dirty = useRef(false);
  const latest = useRef(0);

  const save = useCallback(async () => {
    const form = formRef.current;
    if (!form || !enabled) return;
    clearTimeout(timer.current);
    const body = new FormData(form);
    body.set("intent", "save");
    dirty.current = false;
    // Only the answer to the newest save speaks for the form as it is now.
    const request = ++latest.current;
    setState({ kind: "saving" });
    try {
      const response = await fetch(url, { method: "POST", body, headers: { Accept: "application/json" }, redirect: "manual" });
      if (response.status === 409) return setState({ kind: "locked" });
      if (response.status === 400) {
        // Retrying cannot fix invalid input: show why, by the fields, and wait for the next change.
        const result: unknown = await response.json();
        const errors = typeof result === "object" && result !== null && "errors" in result ? result.errors : {};
        if (request === latest.current) onSaveErrors(isStringRecord(errors) ? errors : {});
        return setState({ kind: "invalid" });
      }
      // Signed out (a redirect to /login) or taken off the panel: a retry would not help either.
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 404) return setState({ kind: "signedOut" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const result = (await response.json()) as { updatedAt?: string };
      attempt.current = 0;
      if (request === latest.current) onSaveErrors(null);
      setState({ kind: "saved", at: result.updatedAt ?? new Date().toISOString() });
    } catch {
      dirty.current = true;
      setState({ kind: "retrying" });
      const delay = RETRY_MS[Math.min(attempt.current, RETRY_MS.length - 1)] ?? 15000;
      attempt.current += 1;
      timer.current = setTimeout(() => void save(), delay);
    }
  }, [formRef, url, enabled, onSaveErrors]);

  const schedule = useCallback(() => {
    dirty.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  }, [save]);

  useEffect(() => {
    const online = () => {
      if (dirty.current) void save();
    };
    const leave = () => {
      const form = formRef.current;
      if (!dirty.current || !form) return;
      const body = new FormData(form);
      body.set("intent", "save");
      navigator.sendBeacon(url, body);
    };
    window.addEventListener("online", online);
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", leave);
      clearTimeout(timer.current);
    };
  }, [save, url, formRef]);

  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    dirty.current = false;
  }, []);

  return { state, schedule, cancel };
}
