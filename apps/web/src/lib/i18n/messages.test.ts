import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, isMessageKey, t } from './messages';
import { isWorkflowMessageKey, workflowCatalogues } from './workflow';

const srcDir = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Keys written literally: t('key'…) calls and `key: 'nav.x'` entries of typed link lists. */
const KEY_PATTERNS = [/\bt\(\s*'([a-zA-Z0-9_.]+)'/g, /\bkey:\s*'([a-zA-Z0-9_]+\.[a-zA-Z0-9_.]+)'/g];
/** Keys of the officials' catalogue, looked up with tw(). */
const WORKFLOW_KEY = /\btw\(\s*'([a-zA-Z0-9_.]+)'/g;

describe('message catalogue', () => {
  const files = sourceFiles(srcDir);
  const used = new Map<string, string>();
  const usedByOfficials = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of KEY_PATTERNS) {
      for (const match of text.matchAll(pattern)) used.set(match[1] as string, relative(srcDir, file));
    }
    for (const match of text.matchAll(WORKFLOW_KEY))
      usedByOfficials.set(match[1] as string, relative(srcDir, file));
  }

  it('finds the keys the components use', () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it('has every key used in the source', () => {
    const missing = [...used].filter(([key]) => !isMessageKey(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it("has every officials' key used in the source, and keeps the public pages free of that catalogue", () => {
    expect(usedByOfficials.size).toBeGreaterThan(50);
    const missing = [...usedByOfficials]
      .filter(([key]) => !isWorkflowMessageKey(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
    const publicPages = [...usedByOfficials.values()].filter((file) =>
      /^routes\/(\+|indicators|compare|coverage|pillars|measures|methodology|progress|data|jurisdictions)/.test(
        file,
      ),
    );
    expect(publicPages).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('error.status', { status: '404' })).toBe('Error 404');
    expect(t('error.status')).toBe('Error {status}');
  });

  it('has no empty messages', () => {
    const empty = [...Object.entries(catalogues.en), ...Object.entries(workflowCatalogues.en)].filter(
      ([, text]) => text.trim() === '',
    );
    expect(empty).toEqual([]);
  });
});
