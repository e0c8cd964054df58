import type { Denominator } from '@fourp/domain';
import { m } from '$lib/paraglide/messages.js';

/** The population a rate was divided by, in the page's language; its sources are cited beside it. */
export function denominatorLine(denominator: Denominator, year: number): string {
  const [first = year, second = first] = denominator.years;
  if (denominator.method === 'observed') return m.denominator_observed({ year });
  if (denominator.method === 'interpolated') return m.denominator_interpolated({ year, first, second });
  return m.denominator_extrapolated({ year, first });
}
