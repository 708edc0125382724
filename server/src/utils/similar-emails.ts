/**
 * Whether two email addresses look like the same person's: the part before the @ compared
 * without letter case, dots, hyphens, underscores and "+tag" suffixes ("maria.de.vries+news" and
 * "MariaDeVries" match), or within a small edit distance of each other ("mariadevries" and
 * "mariadevreis"). Domains are ignored: people change providers, and work and home addresses
 * share a name more often than a domain.
 */
export const similarEmails = (a: string, b: string) => {
  const x = emailName(a);
  const y = emailName(b);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  // Short names are too often the same by chance ("jan", "info") to allow any typo.
  if (Math.min(x.length, y.length) < 6) return false;
  return editDistanceAtMost(x, y, x.length >= 10 ? 2 : 1);
};

/** The name part of an email as compared: lower case, no "+tag", no separators. */
export const emailName = (email: string) =>
  email.toLowerCase().split('@')[0].replace(/\+.*$/, '').replace(/[._-]/g, '');

/** Levenshtein distance <= `max`, computed in a band of width 2*max+1 (cheap for short names). */
const editDistanceAtMost = (a: string, b: string, max: number) => {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
};
