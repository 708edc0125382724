import { randomBytes, randomFillSync } from 'crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A documentId in Strapi's shape (24 lower-case letters and digits, starting with a letter)
 * from 120 random bits. cuid2, which Strapi uses, costs ~40 µs an id: a fifth of a bulk
 * import's time; this costs well under one.
 */
export const newDocumentId = () => {
  const bytes = randomBytes(24);
  let id = ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i++) id += ALPHABET[bytes[i] % 36];
  return id;
};

const RANDOM = 15;

/**
 * A generator of documentIds in the same shape that sort by creation time: 9 base-36
 * characters of the millisecond clock (the first as a letter), then 15 random ones (77 bits).
 * For rows written at a high rate (events, imported customers): their document_id index grows
 * at its end instead of dirtying a random page per row, which on SQLite was a page written to
 * the WAL per row at every commit. The random part comes from a pool of bytes filled once per
 * 4,096 ids instead of a `randomBytes` call per id.
 */
export const sequentialDocumentIds = () => {
  const pool = Buffer.alloc(RANDOM * 4096);
  const codes = new Array<number>(9 + RANDOM);
  let at = pool.length;
  let ms = -1;
  return () => {
    const now = Date.now();
    if (now !== ms) {
      ms = now;
      const clock = now.toString(36).padStart(9, '0');
      // A letter first, as Strapi's ids have: the leading digit (0 until 2059) as a to j.
      codes[0] = ALPHABET.charCodeAt(Number(clock[0]));
      for (let i = 1; i < 9; i++) codes[i] = clock.charCodeAt(i);
    }
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    for (let i = 0; i < RANDOM; i++) codes[9 + i] = ALPHABET.charCodeAt(pool[at + i] % 36);
    at += RANDOM;
    return String.fromCharCode(...codes);
  };
};

/** One time-ordered documentId (see `sequentialDocumentIds`). */
export const newSequentialDocumentId = sequentialDocumentIds();
