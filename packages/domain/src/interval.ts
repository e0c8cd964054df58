import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import type { Indicator, Observation } from './contracts.js';
import type { Interval } from './results.js';

export const INTERVAL_LEVEL = 0.95;
const PER = 100_000;

export const INTERVAL_METHOD =
  'Every published count of people or events, and every rate per 100,000 residents computed from one, carries an ' +
  'exact (Garwood) Poisson 95 % interval: for a count x, from half the 2.5th percentile of the chi-square ' +
  'distribution with 2x degrees of freedom (0 when x is 0) to half the 97.5th percentile with 2x + 2. It measures ' +
  'chance variation in how many events happen to be recorded in a year, not errors of definition or coverage. A ' +
  'rate’s interval is the count’s interval × 100,000 ÷ the population, the population being treated as fixed. A ' +
  'suppressed figure has no interval, since its interval would reveal the count. Two figures whose intervals ' +
  'overlap are called indistinguishable, never higher, lower or similar.';

/** True for a value a Poisson interval applies to: a finite, non-negative whole number. */
export const isCount = (value: number | null): value is number =>
  value !== null && Number.isInteger(value) && value >= 0;

/** The exact (Garwood) Poisson 95 % interval of a count; null for a value that is not a count. */
export function poissonInterval(count: number | null): Interval | null {
  if (!isCount(count)) return null;
  const tail = (1 - INTERVAL_LEVEL) / 2;
  return {
    low: count === 0 ? 0 : chisquareQuantile(tail, 2 * count) / 2,
    high: chisquareQuantile(1 - tail, 2 * count + 2) / 2,
    level: INTERVAL_LEVEL,
  };
}

/** The interval of `count` per 100,000 of `population`, the population treated as fixed. */
export function rateInterval(count: number | null, population: number): Interval | null {
  const interval = poissonInterval(count);
  if (interval === null || !(population > 0)) return null;
  const scale = PER / population;
  return { low: interval.low * scale, high: interval.high * scale, level: interval.level };
}

/** Whether two intervals share at least one value. */
export const intervalsOverlap = (a: Interval, b: Interval): boolean => a.low <= b.high && b.low <= a.high;

/**
 * Whether an indicator's figures carry an interval: counts do; an unknown indicator and the population (a census
 * or estimate of residents, not a number of events that happened to be recorded) do not.
 */
export const carriesInterval = (indicator: Pick<Indicator, 'id' | 'measureType'> | undefined): boolean =>
  indicator?.measureType === 'count' && indicator.id !== 'population';

/**
 * A published figure's interval: its count's own (`poissonInterval` of the value) when its indicator
 * `carriesInterval`; null when hidden or not such a count.
 */
export function observationInterval(
  o: Pick<Observation, 'value' | 'suppressed'>,
  indicator: Pick<Indicator, 'id' | 'measureType'> | undefined,
): Interval | null {
  if (o.suppressed || !carriesInterval(indicator)) return null;
  return poissonInterval(o.value);
}
