import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { betaCdf, credibleInterval, logGamma, probabilityBBeatsA } from '../stats';

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);

const p = (ca: number, na: number, cb: number, nb: number) =>
  probabilityBBeatsA({ conversions: ca, exposures: na }, { conversions: cb, exposures: nb });

// Reference values from numerical integration of P(B > A) with SciPy (quad, 1e-13).
describe('the probability that B beats A', () => {
  it('is one half without data or with equal data', () => {
    close(p(0, 0, 0, 0), 0.5);
    close(p(1, 2, 1, 2), 0.5);
  });

  it('matches numerical integration for known figures', () => {
    close(p(10, 100, 20, 100), 0.9751730331528735);
    close(p(50, 1000, 70, 1000), 0.9698531786991795);
    close(p(120, 1000, 150, 1000), 0.975067836812144);
    close(p(30, 200, 10, 200), 0.00039741933559522596);
  });

  it('is symmetric: P(B > A) + P(A > B) = 1', () => {
    close(p(7, 40, 12, 55) + p(12, 55, 7, 40), 1);
  });

  it('stays a probability for large tests', () => {
    const value = p(5000, 100_000, 5300, 100_000);
    assert.ok(value > 0.99 && value <= 1, String(value));
  });
});

describe('the credible interval of a conversion rate', () => {
  it('is the 2.5% and 97.5% quantiles of the Beta posterior', () => {
    const [lo, hi] = credibleInterval(10, 100);
    close(lo, 0.05563722, 1e-7);
    close(hi, 0.17455283, 1e-7);
    const [lo2, hi2] = credibleInterval(120, 1000);
    close(lo2, 0.10132342, 1e-7);
    close(hi2, 0.141627, 1e-6);
  });

  it('is 2.5% to 97.5% without data (the uniform prior)', () => {
    const [lo, hi] = credibleInterval(0, 0);
    close(lo, 0.025);
    close(hi, 0.975);
  });
});

describe('the special functions', () => {
  it('logGamma gives log factorials', () => {
    close(logGamma(1), 0);
    close(logGamma(5), Math.log(24));
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)));
  });

  it('betaCdf of Beta(2, 3) at 0.4 is 0.5248', () => {
    close(betaCdf(0.4, 2, 3), 0.5248, 1e-12);
  });
});
