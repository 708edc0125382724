const MB = 1024 * 1024;

/** The process's peak resident set so far, in MB (`maxRSS` is in kilobytes and never goes down). */
export const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * Samples the resident set every few milliseconds until stopped, so that one scenario's peak can
 * be told apart from the process's lifetime peak. Returns the highest sample, in MB.
 */
export const sampleRss = (everyMs = 10) => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / MB;
  };
};
