import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const domainSrc = new URL('../../../packages/domain/src/', import.meta.url).pathname;
const domainManifest = new URL('../../../packages/domain/package.json', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Pure computation only: zod for contracts, and the chi-square quantile for exact Poisson intervals (a
 * function of numbers, no I/O, no state). Anything else a domain file imports fails here.
 */
const ALLOWED = ['zod', '@stdlib/stats-base-dists-chisquare-quantile'];

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('@fourp/domain stays pure', () => {
  const files = sourceFiles(domainSrc);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it('imports nothing but the allowed pure packages and its own files', () => {
    const offending: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(importPattern)) {
        const specifier = match[1] ?? match[2] ?? '';
        if (specifier.startsWith('.') || ALLOWED.includes(specifier)) continue;
        offending.push(`${relative(domainSrc, file)} imports ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('declares no runtime dependency but the allowed pure packages', () => {
    const manifest = JSON.parse(readFileSync(domainManifest, 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual([...ALLOWED].sort());
  });
});
