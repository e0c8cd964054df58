import { deserialize } from '$app/forms';
import type { ActionResult } from '@sveltejs/kit';

/** Where an upload stands: bytes sent, then the server reading and checking the file. */
export type UploadPhase = { stage: 'sending'; sent: number; total: number } | { stage: 'checking' };

/** Data rows of a CSV as line breaks after the header, counted while streaming the file (an estimate). */
export async function countCsvRows(file: Blob): Promise<number> {
  let lines = 0;
  let last = 0x0a;
  const reader = file.stream().getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    for (const byte of chunk.value) if (byte === 0x0a) lines++;
    last = chunk.value.at(-1) ?? last;
  }
  return Math.max(0, lines - (last === 0x0a ? 1 : 0));
}

/**
 * Posts a form to its SvelteKit action as `use:enhance` would, but with XMLHttpRequest, the one browser
 * API that reports upload progress; `onPhase` hears the bytes sent, then that the server is checking.
 */
export function postWithProgress(
  form: HTMLFormElement,
  onPhase: (phase: UploadPhase) => void,
): Promise<ActionResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('x-sveltekit-action', 'true');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onPhase({ stage: 'sending', sent: event.loaded, total: event.total });
    };
    request.upload.onload = () => onPhase({ stage: 'checking' });
    request.onload = () => resolve(deserialize(request.responseText));
    request.onerror = () => reject(new Error('The upload failed; check the connection and try again.'));
    request.send(new FormData(form));
  });
}
