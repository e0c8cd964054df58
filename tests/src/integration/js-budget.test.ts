import { describe, expect, it } from 'vitest';
import { builtChunks, builtFile, pageJavaScript } from '../support/js-budget.js';

const BUDGET_BYTES = 100 * 1000;
/** A message only Chart.js's own code carries. */
const CHART_JS_MARK = 'complete date adapter';
/** The name every zod schema type registers: zod's own code carries it. */
const ZOD_MARK = '$ZodType';

describe('the JavaScript budget of the built dashboard', () => {
  it.each(['/', '/indicators/[id]'])('%s loads at most 100 KB of gzipped JavaScript', async (route) => {
    const { files, gzipBytes } = await pageJavaScript(route);
    expect(files.some((file) => file.includes('/entry/start.'))).toBe(true);
    expect(gzipBytes).toBeGreaterThan(10_000);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('loads Chart.js only when a chart is drawn, not with the page', async () => {
    const isChartJs = (file: string) => builtFile(file).includes(CHART_JS_MARK);
    expect(builtChunks().some(isChartJs)).toBe(true);
    for (const route of ['/', '/indicators/[id]', '/compare'])
      expect((await pageJavaScript(route)).files.filter(isChartJs)).toEqual([]);
  });

  it('leaves zod to the server: the public pages load none of it', async () => {
    const isZod = (file: string) => builtFile(file).includes(ZOD_MARK);
    expect(builtChunks().some(isZod)).toBe(true);
    for (const route of ['/', '/indicators/[id]', '/compare'])
      expect((await pageJavaScript(route)).files.filter(isZod)).toEqual([]);
  });
});
