import type { AbVariant } from '../../../contracts/ab-tests';

/**
 * A 32-bit hash of a string: FNV-1a, then murmur3's finaliser so that ids differing only in
 * their last characters still spread over the whole range (plain FNV-1a clusters there).
 */
export const hash32 = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/**
 * The variant a customer gets in a test: the same for the same pair on every server, without
 * storing anything; `split` is the percentage that gets A.
 */
export const variantFor = (
  testDocumentId: string,
  customerDocumentId: string,
  split: number
): AbVariant =>
  hash32(`${testDocumentId}:${customerDocumentId}`) / 0x100000000 < split / 100 ? 'A' : 'B';
