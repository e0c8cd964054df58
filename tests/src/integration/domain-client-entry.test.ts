import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('../../../packages/domain/src', import.meta.url));

/** The modules a file loads at run time: its imports and re-exports, less those of types only. */
function runtimeImports(file: string): string[] {
  const statements = readFileSync(file, 'utf8').matchAll(
    /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+'([^']+)'/gm,
  );
  return [...statements]
    .filter(([, typeOnly, names = '']) => !typeOnly && !(names.startsWith('{') && onlyTypes(names)))
    .map((match) => match[3]!);
}

const onlyTypes = (braced: string) =>
  braced
    .slice(1, -1)
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .every((name) => name.startsWith('type '));

/** Every module `entry` loads at run time, domain files by path relative to `src`, packages by name. */
function moduleGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const name = file.startsWith(here) ? file.slice(here.length + 1) : file;
    if (seen.has(name)) return;
    seen.add(name);
    if (!file.startsWith(here)) return;
    for (const specifier of runtimeImports(file))
      visit(
        specifier.startsWith('.') ? resolve(dirname(file), specifier.replace(/\.js$/, '.ts')) : specifier,
      );
  };
  visit(resolve(here, entry));
  return seen;
}

describe('the browser entry of the domain (@fourp/domain/client)', () => {
  it('loads neither zod nor the catalogue texts', () => {
    const graph = moduleGraph('client.ts');
    expect(graph).toContain('cell.ts');
    expect([...graph].filter((name) => name === 'zod' || name.startsWith('catalogue/indicators'))).toEqual(
      [],
    );
  });

  it('is told apart from the main entry, which does load them', () => {
    const graph = moduleGraph('index.ts');
    expect(graph).toContain('zod');
    expect(graph).toContain('catalogue/indicators.ts');
  });
});
