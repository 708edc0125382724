import { randomFillSync } from 'crypto';

/*
 * The plugin's one source of documentIds, in Strapi's shape: 24 lower-case letters and digits,
 * a letter first. cuid2, which Strapi uses, costs ~40 µs an id (a fifth of a bulk import's
 * time); these cost well under one: the random part comes from a pool of bytes filled once per
 * 4,096 ids instead of a `randomBytes` call per id.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 24;
/** Characters of the millisecond clock at the start of a time-ordered id. */
const CLOCK = 9;

/**
 * Makes ids whose first `prefix` characters `head` writes into `codes` (it may leave them as
 * they were), the rest random letters and digits.
 */
const generator = (prefix: number, head: (codes: number[]) => void) => {
  const random = LENGTH - prefix;
  const pool = Buffer.alloc(random * 4096);
  const codes = new Array<number>(LENGTH);
  let at = pool.length;
  return () => {
    head(codes);
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    for (let i = 0; i < random; i++) codes[prefix + i] = ALPHABET.charCodeAt(pool[at + i] % 36);
    if (prefix === 0) codes[0] = ALPHABET.charCodeAt(pool[at] % 26);
    at += random;
    return String.fromCharCode(...codes);
  };
};

/** A generator of random documentIds (120 random bits each); one per bulk load. */
export const documentIds = () => generator(0, () => undefined);

/**
 * A generator of documentIds that sort by creation time: 9 base-36 characters of the
 * millisecond clock (the first as a letter), then 15 random ones (77 bits). For rows written at
 * a high rate (events, imported customers): their document_id index grows at its end instead of
 * dirtying a random page per row, which on SQLite was a page written to the WAL per row at every
 * commit.
 */
export const sequentialDocumentIds = () => {
  let ms = -1;
  return generator(CLOCK, (codes) => {
    const now = Date.now();
    if (now === ms) return;
    ms = now;
    const clock = now.toString(36).padStart(CLOCK, '0');
    // A letter first, as Strapi's ids have: the leading digit (0 until 2059) as a to j.
    codes[0] = ALPHABET.charCodeAt(Number(clock[0]));
    for (let i = 1; i < CLOCK; i++) codes[i] = clock.charCodeAt(i);
  });
};

/** One random documentId: customers, segments, A/B tests and anything else made one at a time. */
export const newDocumentId = documentIds();

/** One time-ordered documentId (see `sequentialDocumentIds`). */
export const newSequentialDocumentId = sequentialDocumentIds();
