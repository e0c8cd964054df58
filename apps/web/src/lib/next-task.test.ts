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
});
