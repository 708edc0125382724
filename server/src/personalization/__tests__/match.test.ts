import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  audienceSchema,
  parseAudience,
  serializeAudience,
  type Audience,
} from '../../../../contracts/audience';
import { audienceMatches, pickBlocks, type AudienceView } from '../match';

const view = (segments: string[], variants: Record<string, 'A' | 'B'> = {}): AudienceView => ({
  personalize: true,
  segments: new Set(segments),
  variantOf: (t) => variants[t] ?? 'A',
});
const a = (
  segment: string | null,
  abTest: string | null = null,
  variant: 'A' | 'B' | null = null
) => ({ segment, abTest, variant }) as Audience;

type Block = { name: string; group?: string; audience?: Audience };
const names = (blocks: Block[], v: AudienceView) =>
  pickBlocks(
    blocks,
    (b) => (b.audience ? { group: b.group ?? 'hero', audience: b.audience } : null),
    v
  ).map((b) => b.name);

describe('choosing content by audience', () => {
  it('shows content for everyone, for a segment of the visitor, and for their A/B variant', () => {
    assert.equal(audienceMatches(a(null), view([])), true);
    assert.equal(audienceMatches(a('vip'), view(['vip'])), true);
    assert.equal(audienceMatches(a('vip'), view(['other'])), false);
    assert.equal(audienceMatches(a(null, 't1', 'B'), view([], { t1: 'B' })), true);
    assert.equal(audienceMatches(a(null, 't1', 'B'), view([])), false, 'no variant: control A');
    assert.equal(audienceMatches(a('vip', 't1', 'A'), view([], { t1: 'A' })), false);
  });

  it('keeps the "All other users" block only when no targeted block of its kind matched', () => {
    const blocks: Block[] = [
      { name: 'vip hero', audience: a('vip') },
      { name: 'fallback hero', audience: a(null) },
      { name: 'cta for all', group: 'cta', audience: a(null) },
      { name: 'text' },
    ];
    assert.deepEqual(names(blocks, view(['vip'])), ['vip hero', 'cta for all', 'text']);
    assert.deepEqual(names(blocks, view([])), ['fallback hero', 'cta for all', 'text']);
  });

  it('stores equal audiences as equal strings, and reads anything else as the fallback', () => {
    const stored = serializeAudience({ variant: null, abTest: null, segment: 'vip' } as Audience);
    assert.equal(stored, '{"segment":"vip","abTest":null,"variant":null}');
    assert.equal(serializeAudience(a(null)), null);
    assert.deepEqual(parseAudience(stored), a('vip'));
    assert.deepEqual(parseAudience('not json'), a(null));
    assert.deepEqual(parseAudience({ segment: 'x1y', variant: 'B' }), a('x1y'));
  });

  it('refuses a variant without a test and a test without a variant', async () => {
    await assert.rejects(
      audienceSchema.validate({ segment: null, variant: 'B' }),
      /needs an A\/B test/
    );
    await assert.rejects(audienceSchema.validate({ abTest: 't1' }), /Choose variant A or B/);
    await assert.rejects(audienceSchema.validate({ segment: 'a!' }), /not a segment ID/);
  });
});
