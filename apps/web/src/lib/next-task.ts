/** The last turn handed out: each call to `nextTask` waits for the one before it. */
let lastTurn: Promise<void> = Promise.resolve();

/**
 * A promise settled in a later task of the browser's event loop, one task per call and in the order of the
 * calls; nothing to wait for on the server.
 *
 * A component that awaits it at the top of its script (Svelte's `experimental.async`) is hydrated in a task
 * of its own once the server's HTML is on screen, instead of in the one task that hydrates the whole page:
 * Lighthouse counts each task's time over 50 ms (at its 4× phone slowdown) as blocking, so several short
 * tasks block far less than one long one. The server renders the component at once, so its HTML is unchanged.
 *
 * The turns are chained rather than all set at once: timers set in the same task fire back to back, and
 * Svelte commits every block waiting on them when the last one settles, which would put the work of all the
 * components together in that last task again.
 */
export function nextTask(): Promise<void> | undefined {
  if (typeof window === 'undefined') return undefined;
  const turn = lastTurn.then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  lastTurn = turn;
  return turn;
}
