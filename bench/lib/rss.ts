import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

const MB = 1024 * 1024;

/** The process's peak resident set, in MB (`maxRSS` is in kilobytes). */
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * Resets the kernel's high-water mark of this process to its current RSS (Linux: writing 5 to
 * /proc/self/clear_refs), so that `maxRSS` afterwards is the peak since now. False elsewhere.
 */
const resetHighWaterMark = () => {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
};

/** Samples RSS on a timer: a fallback that misses peaks while the event loop is busy. */
const sampleRss = (everyMs = 10) => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss()) / MB;
  };
};

/** A full garbage collection, without starting node with --expose-gc. */
export const collectGarbage = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/**
 * Starts measuring the peak RSS of what runs next; the returned function stops and gives it in
 * MB. Garbage left by earlier work is collected first, so it does not count as this peak.
 */
export const measurePeakRss = (): (() => number) => {
  collectGarbage();
  return resetHighWaterMark() ? maxRssMb : sampleRss();
};
