/** The licence of FourP's code (SPDX identifier and text). */
export const CODE_LICENCE = {
  name: 'MIT',
  identifier: 'MIT',
  url: 'https://opensource.org/license/mit',
} as const;

/** The licence of the data FourP publishes; each cited source's own terms also apply to its figures. */
export const DATA_LICENCE = {
  name: 'CC BY 4.0',
  identifier: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  note: 'Each source’s own terms also apply to the figures taken from it; every figure names its source.',
} as const;

/** An RFC 8288 `Link` header value naming the data licence, for every export of published data. */
export const DATA_LICENCE_LINK = `<${DATA_LICENCE.url}>; rel="license"`;
