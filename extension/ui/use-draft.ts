import { useEffect, useRef, useState } from 'preact/hooks';

const PREFIX = 'draft:';

/**
 * Form state that survives the sidebar closing mid-edit: every change is written to the
 * extension's own storage (never the page's) shortly after typing, restored on the next
 * open, and cleared once the form is submitted.
 */
export function useDraft<T extends Record<string, string>>(key: string, initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [restored, setRestored] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const storageKey = PREFIX + key;

  useEffect(() => {
    let live = true;
    setValues(initial);
    browser.storage.local.get(storageKey).then((stored) => {
      const draft = stored[storageKey];
      if (live && draft && typeof draft === 'object') {
        const picked = Object.fromEntries(
          Object.keys(initial)
            .filter((k) => typeof (draft as Record<string, unknown>)[k] === 'string')
            .map((k) => [k, (draft as Record<string, string>)[k]]),
        );
        setValues({ ...initial, ...picked });
      }
      if (live) setRestored(true);
    });
    return () => {
      live = false;
    };
    // `initial` is a fresh object each render; the key alone says when the form is another one.
  }, [storageKey]);

  const set = (field: keyof T, value: string) => {
    setValues((prev) => {
      const next = { ...prev, [field]: value };
      clearTimeout(timer.current);
      // Written at once on the next tick: a closed frame still gets its last keystroke saved.
      timer.current = setTimeout(() => browser.storage.local.set({ [storageKey]: next }), 0);
      return next;
    });
  };

  const clear = async () => {
    clearTimeout(timer.current);
    await browser.storage.local.remove(storageKey);
    setValues(initial);
  };

  return { values, set, clear, restored };
}
