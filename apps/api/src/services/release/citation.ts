import type { Cite as CiteClass } from '@citation-js/core';
import type { CitationFormat } from '@fourp/domain';

export const CITATION_MEDIA_TYPES: Record<CitationFormat, string> = {
  text: 'text/plain; charset=utf-8',
  bibtex: 'application/x-bibtex; charset=utf-8',
  ris: 'application/x-research-info-systems; charset=utf-8',
  'csl-json': 'application/vnd.citationstyles.csl+json',
};

export type CitedRelease = { id: string; createdAt: string; url: string };

const cslOf = ({ id, createdAt, url }: CitedRelease) => {
  const day = new Date(createdAt);
  return {
    id: `fourp-${id}`,
    'citation-key': `fourp${id.replaceAll('.', '_')}`,
    type: 'dataset',
    title: `FourP: anti-human-trafficking monitoring data for District Gujrat (4P framework), release ${id}`,
    author: [{ literal: 'FourP' }],
    publisher: 'FourP',
    version: id,
    issued: { 'date-parts': [[day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()]] },
    URL: url,
  };
};

// citation-js and its APA style take a while to load: loaded on the first citation, not at start-up.
let citationJs: Promise<{ Cite: typeof CiteClass }> | undefined;
const loadCitationJs = () =>
  (citationJs ??= (async () => {
    const core = await import('@citation-js/core');
    await Promise.all([
      import('@citation-js/plugin-bibtex'),
      import('@citation-js/plugin-csl'),
      import('@citation-js/plugin-ris'),
    ]);
    return core;
  })());

/** A release never changes, so neither does its citation: each is formatted once per process. */
const formatted = new Map<string, string>();

/** The citation of a release in a reference manager's format (APA for plain text). */
export async function formatCitation(release: CitedRelease, format: CitationFormat): Promise<string> {
  const key = JSON.stringify([release.id, release.createdAt, release.url, format]);
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const text = formatWith((await loadCitationJs()).Cite, release, format);
  formatted.set(key, text);
  return text;
}

function formatWith(Cite: typeof CiteClass, release: CitedRelease, format: CitationFormat): string {
  const cite = new Cite(cslOf(release));
  switch (format) {
    case 'text':
      return cite.format('bibliography', { template: 'apa', lang: 'en-US', format: 'text' }).trim();
    case 'bibtex':
      return cite.format('bibtex').trim();
    case 'ris':
      return cite.format('ris').trim();
    case 'csl-json':
      return JSON.stringify((JSON.parse(cite.format('data')) as unknown[])[0]);
  }
}
