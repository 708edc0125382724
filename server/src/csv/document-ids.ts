import { randomFillSync } from 'crypto';

const ALPHABET = Array.from('abcdefghijklmnopqrstuvwxyz0123456789', (c) => c.charCodeAt(0));
const RANDOM = 15;

/**
 * Document ids for the customers an import creates, in the shape of `newSequentialDocumentId`
 * (9 base-36 characters of the millisecond clock, the first as a letter, then 15 random ones):
 * they sort by creation time, so the document_id index grows at its end, and the random part
 * comes from a pool of bytes filled once per 4,096 ids instead of a `randomBytes` call per id.
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
      codes[0] = ALPHABET[Number(clock[0])];
      for (let i = 1; i < 9; i++) codes[i] = clock.charCodeAt(i);
    }
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    for (let i = 0; i < RANDOM; i++) codes[9 + i] = ALPHABET[pool[at + i] % 36];
    at += RANDOM;
    return String.fromCharCode(...codes);
  };
};
