import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcDir = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('internal links keep the language', () => {
  const files = sourceFiles(srcDir).map((path) => ({
    file: relative(srcDir, path),
    text: readFileSync(path, 'utf8'),
  }));
  const routing = files.filter(({ text }) => text.includes("from '$app/paths'"));

  it('wraps every resolve() of a route in localizeHref()', () => {
    expect(routing.length).toBeGreaterThan(20);
    const bare = routing.flatMap(({ file, text }) =>
      [...text.matchAll(/(?<![\w.])(localizeHref\(\s*)?resolve\(/g)].filter((m) => !m[1]).map(() => file),
    );
    expect(bare).toEqual([]);
  });

  it('sends goto(), redirects and form actions to the localised address', () => {
    const unlocalised = files.flatMap(({ file, text }) => [
      ...[...text.matchAll(/\bgoto\((?!\s*localizeHref\()/g)].map(() => `${file}: goto`),
      ...[...text.matchAll(/\bredirect\(\d+,(?!\s*localizeHref\()/g)].map(() => `${file}: redirect`),
      ...[...text.matchAll(/\b(form)?action="\//g)].map(() => `${file}: action`),
    ]);
    expect(unlocalised).toEqual([]);
  });
});
