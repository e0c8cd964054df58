import { findIndicator, findJurisdiction, type Indicator, type Jurisdiction } from '@fourp/domain';
import { ApiError } from '../errors.js';

export function requireIndicator(id: string): Indicator {
  const indicator = findIndicator(id);
  if (!indicator) throw new ApiError('unknown_indicator', `There is no indicator "${id}".`);
  return indicator;
}

export function requireJurisdiction(id: string): Jurisdiction {
  const jurisdiction = findJurisdiction(id);
  if (!jurisdiction) throw new ApiError('unknown_jurisdiction', `There is no jurisdiction "${id}".`);
  return jurisdiction;
}
