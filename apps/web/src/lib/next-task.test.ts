import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { compile, preprocess } from 'svelte/compiler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask } from './next-task';

describe('nextTask', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('gives the server nothing to wait for', () => {
    expect(nextTask()).toBeUndefined();
  });

  it('settles in the browser only after a later task has run', async () => {
    vi.stubGlobal('window', {});
    vi.useFakeTimers();
    let settled = false;
    const waiting = nextTask()?.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.runAllTimersAsync();
    await waiting;
    expect(settled).toBe(true);
  });

  it('gives each call a task of its own, in the order of the calls', async () => {
    vi.stubGlobal('window', {});
    // The browser's tasks, run one at a time; each is followed by all the promise callbacks it queued.
    const tasks: (() => void)[] = [];
    vi.stubGlobal('setTimeout', (task: () => void) => tasks.push(task));
    const afterMicrotasks = () => new Promise((resolve) => setImmediate(resolve));
    const runTask = async () => {
      tasks.shift()?.();
      await afterMicrotasks();
    };
    const settled: string[] = [];
    const turns = ['first', 'second', 'third'].map((name) => nextTask()?.then(() => settled.push(name)));
    await afterMicrotasks();
    // One timer at a time: timers set together fire back to back, and Svelte would commit all three together.
    expect(settled).toEqual([]);
    expect(tasks).toHaveLength(1);
    await runTask();
    expect(settled).toEqual(['first']);
    expect(tasks).toHaveLength(1);
    await runTask();
    expect(settled).toEqual(['first', 'second']);
    await runTask();
    await Promise.all(turns);
    expect(settled).toEqual(['first', 'second', 'third']);
    expect(tasks).toEqual([]);
  });
});

describe('components that wait for a turn', () => {
  const sourceDir = fileURLToPath(new URL('..', import.meta.url));
  const waiting = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.svelte'))
    .map((file) => join(sourceDir, file))
    .filter((file) => /await nextTask\(\)/.test(readFileSync(file, 'utf8')));

  it('are found', () => {
    expect(waiting.map((file) => file.slice(sourceDir.length))).toEqual(
      expect.arrayContaining(['lib/components/LaterTask.svelte', 'routes/PillarCard.svelte']),
    );
  });

  // Svelte holds back only the markup that reads a value set after the component's `await`; markup that reads
  // none hydrates at once, and the `await` then splits nothing.
  it.each(waiting.map((file) => [file.slice(sourceDir.length), file]))(
    '%s holds some of its markup until its turn',
    async (_name, file) => {
      const { code } = await preprocess(readFileSync(file, 'utf8'), vitePreprocess(), { filename: file });
      const compiled = compile(code, { generate: 'client', experimental: { async: true }, filename: file });
      expect(compiled.js.code).toMatch(/\$\$promises\[\d+\]/);
    },
  );
});
