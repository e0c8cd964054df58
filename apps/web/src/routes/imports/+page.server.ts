import { m } from '$lib/paraglide/messages.js';
import type { ImportReport } from '@fourp/domain';
import { fail } from '@sveltejs/kit';
import { requireAction, sessionApi } from '$lib/server/session';
import { text } from '$lib/workflow/forms';
import { importIssuesOf, type FileIssue } from '$lib/workflow/imports';
import type { Actions, PageServerLoad } from './$types';

type State = 'draft' | 'submitted';
const stateOf = (value: string): State => (value === 'submitted' ? 'submitted' : 'draft');

export const load = (async (event) => {
  const me = requireAction(event, 'import.run');
  const codeLists = await sessionApi(event).codeLists();
  return { scope: me.scope, codeLists: codeLists.data };
}) satisfies PageServerLoad;

async function upload(
  event: Parameters<Actions[string]>[0],
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  query: { dryRun: 'true' } | { state: State },
): Promise<
  { ok: true; report: ImportReport } | { ok: false; status: number; message: string; issues: FileIssue[] }
> {
  const result = await sessionApi(event).runImport(new File([bytes], fileName), query);
  if (result.ok) return { ok: true, report: result.data.data };
  return {
    ok: false,
    status: result.problem.status,
    message: result.problem.detail,
    issues: importIssuesOf(result.problem),
  };
}

export const actions = {
  preview: async (event) => {
    requireAction(event, 'import.run');
    const form = await event.request.formData();
    const file = form.get('file');
    const state = stateOf(text(form, 'state'));
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, {
        stage: 'preview' as const,
        message: m.imports_noFile(),
        fileError: m.imports_noFile(),
      });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const outcome = await upload(event, bytes, file.name, { dryRun: 'true' });
    if (!outcome.ok) {
      return fail(outcome.status, {
        stage: 'preview' as const,
        message: outcome.message,
        issues: outcome.issues,
        fileName: file.name,
      });
    }
    return {
      stage: 'preview' as const,
      report: outcome.report,
      fileName: file.name,
      state,
      fileData: Buffer.from(bytes).toString('base64'),
    };
  },
  confirm: async (event) => {
    requireAction(event, 'import.run');
    const form = await event.request.formData();
    const fileName = text(form, 'fileName') || 'import.csv';
    const state = stateOf(text(form, 'state'));
    const bytes = new Uint8Array(Buffer.from(text(form, 'fileData'), 'base64'));
    if (bytes.length === 0) return fail(400, { stage: 'result' as const, message: m.imports_noFile() });
    const outcome = await upload(event, bytes, fileName, { state });
    if (!outcome.ok) {
      return fail(outcome.status, {
        stage: 'result' as const,
        message: outcome.message,
        issues: outcome.issues,
        fileName,
      });
    }
    return { stage: 'result' as const, report: outcome.report, fileName, state };
  },
} satisfies Actions;
