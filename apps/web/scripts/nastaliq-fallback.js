// Prints the @font-face rules of the metric-matched fallbacks for Noto Nastaliq Urdu (pasted into src/app.css).
// Run: node scripts/nastaliq-fallback.js
// Each fallback is an Arabic-script face readers' systems have. `size-adjust` makes its glyphs as wide, on
// average over this app's Urdu messages, as Nastaliq's; the overrides give it Nastaliq's ascent, descent and
// line gap, so lines sit at the same height before and after the web font arrives.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as hb from 'harfbuzzjs';

const require = createRequire(import.meta.url);
const wawoff2 = require('wawoff2');
const fontFile = (specifier) => require.resolve(specifier);

const NASTALIQ = fontFile('@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2');

/** Family names the fallback faces are known by locally (full name and PostScript name) and the file to measure. */
const FALLBACKS = [
  {
    family: 'Nastaliq fallback Naskh',
    local: ['Noto Naskh Arabic', 'NotoNaskhArabic-Regular'],
    file: fontFile('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2'),
  },
  {
    family: 'Nastaliq fallback DejaVu',
    local: ['DejaVu Sans', 'DejaVuSans'],
    file: fontFile('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  },
];

/** Only Arabic script, as the Nastaliq file: Latin text on an Urdu page keeps its own face and size. */
const UNICODE_RANGE = JSON.parse(
  readFileSync(fontFile('@fontsource/noto-nastaliq-urdu/unicode.json'), 'utf8'),
).arabic;

/** The Urdu words this app shows: every message text, placeholders removed, cut at anything not Arabic script.
    Spaces are left out: neither Nastaliq nor its fallbacks draw them (unicode-range), so they never change. */
const words = Object.values(JSON.parse(readFileSync(new URL('../messages/ur.json', import.meta.url), 'utf8')))
  .flatMap((message) =>
    typeof message === 'string'
      ? [message]
      : Array.isArray(message)
        ? message.flatMap((variant) => Object.values(variant.match))
        : [],
  )
  .flatMap((text) =>
    text.replace(/\{\w+\}/g, ' ').split(/[^\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+/),
  )
  .filter(Boolean);

/** A font as Chromium shapes it (HarfBuzz), from a TrueType or WOFF2 file. */
async function open(file) {
  const bytes = readFileSync(file);
  const data = file.endsWith('.woff2') ? await wawoff2.decompress(bytes) : bytes;
  const face = new hb.Face(new hb.Blob(data));
  return { face, font: new hb.Font(face) };
}

/** The shaped width of all the words, in ems of the font. */
function width({ face, font }) {
  let sum = 0;
  for (const word of words) {
    const buffer = new hb.Buffer();
    buffer.addText(word);
    buffer.guessSegmentProperties();
    hb.shape(font, buffer);
    for (const position of buffer.getGlyphPositions()) sum += position.xAdvance;
  }
  return sum / face.upem;
}

/** Ascent, descent and line gap in ems, as HarfBuzz (and so Chromium) reads them from the font. */
function verticalMetrics({ face, font }) {
  const { ascender, descender, lineGap } = font.hExtents();
  return { ascent: ascender / face.upem, descent: -descender / face.upem, lineGap: lineGap / face.upem };
}

const percent = (value) => `${(value * 100).toFixed(2)}%`;

const nastaliq = await open(NASTALIQ);
const target = verticalMetrics(nastaliq);
const targetWidth = width(nastaliq);

for (const fallback of FALLBACKS) {
  const font = await open(fallback.file);
  const sizeAdjust = targetWidth / width(font);
  console.log(`@font-face {
  font-family: '${fallback.family}';
  src: ${fallback.local.map((name) => `local('${name}')`).join(', ')};
  size-adjust: ${percent(sizeAdjust)};
  ascent-override: ${percent(target.ascent / sizeAdjust)};
  descent-override: ${percent(target.descent / sizeAdjust)};
  line-gap-override: ${percent(target.lineGap / sizeAdjust)};
  unicode-range: ${UNICODE_RANGE.replaceAll(',', ', ')};
}`);
}
