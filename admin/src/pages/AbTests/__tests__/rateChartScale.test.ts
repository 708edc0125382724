import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { niceRateMax, scaleRates } from '../rateChartScale';

const box = { width: 440, left: 40, right: 0, top: 10, bottom: 20, rowHeight: 50 };

describe('the conversion-rate chart', () => {
  it('ends its axis on a round rate above the highest interval', () => {
    assert.equal(niceRateMax(0.034), 0.05);
    assert.equal(niceRateMax(0.1), 0.1);
    assert.equal(niceRateMax(0.97), 1);
    assert.equal(niceRateMax(0), 0.01);
  });

  it('draws each variant as a bar to its rate with a whisker over its interval', () => {
    const { max, bars, ticks, height } = scaleRates(
      [
        { variant: 'A', rate: 0.1, interval: [0.05, 0.17] },
        { variant: 'B', rate: 0.2, interval: [0.12, 0.19] },
      ],
      box
    );
    assert.equal(max, 0.2);
    assert.equal(height, 10 + 2 * 50 + 20);
    assert.equal(bars[0].x0, 40);
    assert.equal(bars[0].x, 40 + 200);
    assert.equal(bars[0].low, 40 + 100);
    assert.equal(bars[1].x, 440);
    assert.equal(bars[1].middle, 10 + 50 + 25);
    assert.deepEqual(
      ticks.map((t) => t.x),
      [40, 140, 240, 340, 440]
    );
  });
});
