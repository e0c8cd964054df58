import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
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
