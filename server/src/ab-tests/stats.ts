/**
 * The Bayesian read of an A/B test: each variant's conversion rate is Beta(1 + conversions,
 * 1 + misses) after a uniform Beta(1,1) prior. Everything here is exact or deterministic
 * numerics (no sampling), so the same figures always give the same answer.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export const logGamma = (x: number): number => {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
};

/** ln B(a, b). */
export const logBeta = (a: number, b: number) => logGamma(a) + logGamma(b) - logGamma(a + b);

const posterior = (conversions: number, exposures: number) => ({
  alpha: 1 + conversions,
  beta: 1 + Math.max(0, exposures - conversions),
});

/**
 * P(p_B > p_A) for independent Beta posteriors, in closed form (a finite sum over B's
 * conversions; Evan Miller's formula for integer parameters).
 */
export const probabilityBBeatsA = (
  a: { exposures: number; conversions: number },
  b: { exposures: number; conversions: number }
): number => {
  const A = posterior(a.conversions, a.exposures);
  const B = posterior(b.conversions, b.exposures);
  const base = logBeta(A.alpha, A.beta);
  let total = 0;
  for (let i = 0; i < B.alpha; i++) {
    total += Math.exp(
      logBeta(A.alpha + i, A.beta + B.beta) - Math.log(B.beta + i) - logBeta(1 + i, B.beta) - base
    );
  }
  return Math.min(1, Math.max(0, total));
};

/** The continued fraction of the incomplete beta function (modified Lentz). */
const betaFraction = (x: number, a: number, b: number) => {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + even * d;
    c = 1 + even / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + odd * d;
    c = 1 + odd / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
};

/** The regularised incomplete beta I_x(a, b): the Beta(a, b) distribution function at x. */
export const betaCdf = (x: number, a: number, b: number): number => {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(1 - x) - logBeta(a, b));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(x, a, b)) / a
    : 1 - (front * betaFraction(1 - x, b, a)) / b;
};

/** The q-quantile of Beta(a, b), by bisection on the distribution function. */
export const betaQuantile = (q: number, a: number, b: number): number => {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (betaCdf(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
};

/** The equal-tailed 95% credible interval of a conversion rate. */
export const credibleInterval = (conversions: number, exposures: number): [number, number] => {
  const { alpha, beta } = posterior(conversions, exposures);
  return [betaQuantile(0.025, alpha, beta), betaQuantile(0.975, alpha, beta)];
};
