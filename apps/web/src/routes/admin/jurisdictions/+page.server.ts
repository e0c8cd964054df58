import { m } from '$lib/paraglide/messages.js';
import { fail } from '@sveltejs/kit';
import { requireAction, sessionApi } from '$lib/server/session';
import { text } from '$lib/workflow/forms';
import { unitIssuesOf, type UnitIssue } from '$lib/workflow/units';
import type { Actions, PageServerLoad } from './$types';

const noIssues: UnitIssue[] = [];

export const load = ((event) => {
  requireAction(event, 'jurisdiction.manage');
  return {};
}) satisfies PageServerLoad;

async function upload(
  event: Parameters<Actions[string]>[0],
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  dryRun: boolean,
) {
  const result = await sessionApi(event).importJurisdictions(new File([bytes], fileName), {
    dryRun: dryRun ? 'true' : 'false',
  });
  if (result.ok) return { ok: true as const, report: result.data.data };
  return {
    ok: false as const,
    status: result.problem.status,
    message: result.problem.detail,
    issues: unitIssuesOf(result.problem),
  };
}

export const actions = {
  preview: async (event) => {
    requireAction(event, 'jurisdiction.manage');
    const form = await event.request.formData();
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { stage: 'preview' as const, message: m.units_noFile(), issues: noIssues });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const outcome = await upload(event, bytes, file.name, true);
    if (!outcome.ok) {
      const { status, message, issues } = outcome;
      return fail(status, { stage: 'preview' as const, message, issues, fileName: file.name });
    }
    return {
      stage: 'preview' as const,
      report: outcome.report,
      issues: noIssues,
      fileName: file.name,
      fileData: Buffer.from(bytes).toString('base64'),
    };
  },
  apply: async (event) => {
    requireAction(event, 'jurisdiction.manage');
    const form = await event.request.formData();
    const fileName = text(form, 'fileName') || 'units.csv';
    const bytes = new Uint8Array(Buffer.from(text(form, 'fileData'), 'base64'));
    if (bytes.length === 0) {
      return fail(400, { stage: 'result' as const, message: m.units_noFile(), issues: noIssues });
    }
    const outcome = await upload(event, bytes, fileName, false);
    if (!outcome.ok) {
      const { status, message, issues } = outcome;
      return fail(status, { stage: 'result' as const, message, issues, fileName });
    }
    return { stage: 'result' as const, report: outcome.report, issues: noIssues, fileName };
  },
} satisfies Actions;
