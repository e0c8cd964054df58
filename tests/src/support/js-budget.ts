import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = new URL('../../../apps/web/', import.meta.url).pathname;
const server = join(web, '.svelte-kit/output/server');
const client = join(web, 'build/client');

type Manifest = {
  _: {
    client: { imports: string[] };
    routes: { id: string; page: { layouts: (number | undefined)[]; leaf: number } | null }[];
  };
};

/** The client files a server node makes the page load up front (its `imports`, as SvelteKit preloads them). */
function nodeImports(index: number): string[] {
  const source = readFileSync(join(server, 'nodes', `${index}.js`), 'utf8');
  const list = /export const imports = (\[.*?\]);/.exec(source)?.[1];
  if (!list) throw new Error(`node ${index} lists no imports`);
  return JSON.parse(list) as string[];
}

/** The size of a file as the dashboard serves it gzipped: its precompressed copy when the build wrote one. */
function gzipBytes(file: string): number {
  const path = join(client, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the dashboard first`);
  return existsSync(`${path}.gz`) ? readFileSync(`${path}.gz`).length : gzipSync(readFileSync(path)).length;
}

/** The JavaScript a route's page loads before any interaction, from the built dashboard; sizes gzipped. */
export async function pageJavaScript(routeId: string): Promise<{ files: string[]; gzipBytes: number }> {
  const { manifest } = (await import(pathToFileURL(join(server, 'manifest.js')).href)) as {
    manifest: Manifest;
  };
  const page = manifest._.routes.find((route) => route.id === routeId)?.page;
  if (!page) throw new Error(`no page route ${routeId} in the built dashboard`);
  const nodes = [...page.layouts.filter((i): i is number => i !== undefined), page.leaf];
  const files = [...new Set([...manifest._.client.imports, ...nodes.flatMap(nodeImports)])];
  return { files, gzipBytes: files.reduce((sum, file) => sum + gzipBytes(file), 0) };
}

/** The text of a built client file, by its path under the client output (`_app/immutable/...`). */
export const builtFile = (file: string) => readFileSync(join(client, file), 'utf8');

/** Every JavaScript chunk of the built client, as paths under the client output. */
export const builtChunks = () =>
  readdirSync(join(client, '_app/immutable/chunks'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `_app/immutable/chunks/${name}`);
