import { useEffect } from 'react';

/**
 * Calls `reload` every `ms` while `active`, counting from the end of the previous request, so a
 * slow answer never piles requests up. Stops as soon as `active` turns false or the page closes.
 */
export const usePolling = (
  reload: () => void,
  { active, isFetching, ms }: { active: boolean; isFetching: boolean; ms: number }
) => {
  useEffect(() => {
    if (!active || isFetching) return undefined;
    const timer = window.setTimeout(reload, ms);
    return () => window.clearTimeout(timer);
  }, [active, isFetching, reload, ms]);
};
