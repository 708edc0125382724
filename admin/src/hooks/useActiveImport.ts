import { useCallback, useEffect, useState } from 'react';
import { PLUGIN_ID } from '../pluginId';

const KEY = `${PLUGIN_ID}.activeImport`;
/** Tells the other users of this hook in the same tab (storage events only reach other tabs). */
const CHANGED = `${PLUGIN_ID}:active-import`;

const read = (): number | null => {
  try {
    const id = Number(window.localStorage.getItem(KEY));
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
};

/**
 * The import this browser started last and has not dismissed, kept in localStorage so that a
 * reload (or another tab) can show its progress again: the job runs on the server either way.
 */
export const useActiveImport = () => {
  const [id, setId] = useState<number | null>(read);

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === KEY) setId(read());
    };
    const onChange = () => setId(read());
    window.addEventListener('storage', onStorage);
    window.addEventListener(CHANGED, onChange);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener(CHANGED, onChange);
    };
  }, []);

  const set = useCallback((next: number | null) => {
    try {
      if (next === null) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, String(next));
    } catch {
      // Private mode without storage: the job still runs, only a reload forgets it here.
    }
    setId(next);
    window.dispatchEvent(new Event(CHANGED));
  }, []);

  return [id, set] as const;
};
