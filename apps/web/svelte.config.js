import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  // `await` in a component's script: the pillar cards, charts and district chooser wait for `nextTask`, so
  // hydrating a page takes several short tasks rather than one long one (see $lib/next-task.ts).
  compilerOptions: { experimental: { async: true } },
  kit: {
    adapter: adapter({ out: 'build' }),
    paths: { relative: false },
    // Pages paint without waiting for a stylesheet request: every stylesheet (the largest is 9 KB) is inlined.
    inlineStyleThreshold: 16_384,
    // Hashes, not nonces: a page's bytes are then the same for every visitor, so a stored page is compressed
    // once. Style attributes (style:color, chart sizes) stay allowed; <style> and <script> elements need a hash.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        'style-src-attr': ['unsafe-inline'],
        'img-src': ['self'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
