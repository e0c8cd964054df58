/**
 * A promise settled in a later task of the browser's event loop; nothing to wait for on the server.
 *
 * A component that awaits it at the top of its script (Svelte's `experimental.async`) is hydrated in a task
 * of its own once the server's HTML is on screen, instead of in the one task that hydrates the whole page:
 * Lighthouse counts each task's time over 50 ms (at its 4× phone slowdown) as blocking, so several short
 * tasks block far less than one long one. The server renders the component at once, so its HTML is unchanged.
 */
export function nextTask(): Promise<void> | undefined {
  if (typeof window === 'undefined') return undefined;
  return new Promise((resolve) => setTimeout(resolve, 0));
}
