import type { ObsStatus, SourceKind } from '@fourp/domain';

export type SourceCitation = {
  title: string;
  publisher: string;
  locator: string | null;
  note?: string | null;
};

/** Sites where the publisher itself posts the document; anything else is treated as a reproduction. */
const PUBLISHER_HOSTS = [
  'state.gov',
  'ine.es',
  'fiscal.es',
  'interior.gob.es',
  'ec.europa.eu',
  'unodc.org',
  'coe.int',
  'pariopportunita.gov.it',
];

const REPRODUCTION_WORDS = /\b(citing|via|summarising|secondary|reproduction|as reported)\b/i;
const NOTE_REPRODUCTION_WORDS = /\b(secondary|reproduction)\b/i;

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function isPublisherHost(host: string): boolean {
  return PUBLISHER_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/**
 * 'primary' only when every URL in the locator is on the publisher's own site and nothing in the citation says it
 * is a reproduction (press, NGO pages, ecoi.net, refworld, statista, wikipedia, …); otherwise 'secondary'.
 */
export function classifySourceKind(citation: SourceCitation): SourceKind {
  const text = [citation.title, citation.publisher, citation.locator ?? ''].join(' ');
  if (REPRODUCTION_WORDS.test(text) || NOTE_REPRODUCTION_WORDS.test(citation.note ?? '')) return 'secondary';
  const urls = (citation.locator ?? '').match(/https?:\/\/[^\s;]+/g) ?? [];
  if (urls.length === 0) return 'secondary';
  return urls.every((url) => {
    const host = hostOf(url);
    return host !== null && isPublisherHost(host);
  })
    ? 'primary'
    : 'secondary';
}

/**
 * SDMX OBS_STATUS for a reference row: the mapping's own status (E for estimates, U for unverified), P when the
 * note says provisional, D when the figure's definition is a variant not comparable with the standard, else A.
 */
export function statusFor(note: string, mappingStatus?: ObsStatus, definitionDiffers = false): ObsStatus {
  if (mappingStatus !== undefined) return mappingStatus;
  if (/\bprovisional\b/i.test(note)) return 'P';
  return definitionDiffers ? 'D' : 'A';
}
