/**
 * Fixed-window request counters per key (an IP, a visitor), in this process's memory. With
 * several instances each counts its own share, which keeps a single client from flooding any one.
 */
export const createRateLimiter = (limit: number, windowMs: number) => {
  let windowStart = Date.now();
  let counts = new Map<string, number>();
  return {
    /** Counts a hit; false when the key is over its limit in the current window. */
    hit(key: string, cost = 1) {
      const now = Date.now();
      if (now - windowStart >= windowMs) {
        windowStart = now;
        counts = new Map();
      }
      const next = (counts.get(key) ?? 0) + cost;
      counts.set(key, next);
      return next <= limit;
    },
    /** Seconds until the window resets, for Retry-After. */
    retryAfter() {
      return Math.max(1, Math.ceil((windowMs - (Date.now() - windowStart)) / 1000));
    },
  };
};
