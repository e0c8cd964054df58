import { findIndicator, type Indicator, type Jurisdiction, type JurisdictionTree } from '@fourp/domain';
import { ApiError } from '../errors.js';

export function requireIndicator(id: string): Indicator {
  const indicator = findIndicator(id);
  if (!indicator)
    throw new ApiError('unknown_indicator', {
      en: `There is no indicator "${id}".`,
      ur: `"${id}" نام کا کوئی اشاریہ نہیں۔`,
    });
  return indicator;
}

export function requireJurisdiction(tree: JurisdictionTree, id: string): Jurisdiction {
  const jurisdiction = tree.find(id);
  if (!jurisdiction)
    throw new ApiError('unknown_jurisdiction', {
      en: `There is no jurisdiction "${id}".`,
      ur: `"${id}" نام کا کوئی دائرۂ اختیار نہیں۔`,
    });
  return jurisdiction;
}
