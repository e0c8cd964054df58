import {
  ApiTokenListResponseSchema,
  NewApiTokenRequestSchema,
  NewApiTokenResponseSchema,
} from '@fourp/domain';
import { fail } from '@sveltejs/kit';
import { publicUser, requireAction, requireSignedIn, sendToApi, sessionGet } from '$lib/server/session';
import { errorsByField, text } from '$lib/workflow/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireSignedIn(event);
  const canManage = me.actions.includes('token.manage');
  const tokens = canManage ? (await sessionGet(event, '/v1/tokens', ApiTokenListResponseSchema)).data : [];
  return { me: publicUser(me), sessionExpiresAt: me.sessionExpiresAt, canManage, tokens };
}) satisfies PageServerLoad;

export const actions = {
  create: async (event) => {
    requireAction(event, 'token.manage');
    const form = await event.request.formData();
    const name = text(form, 'name');
    const days = text(form, 'expiresInDays');
    const parsed = NewApiTokenRequestSchema.safeParse({
      name,
      expiresInDays: days === 'never' ? null : Number(days || '90'),
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return fail(400, { name, errors: errorsByField(issues), message: null });
    }
    const result = await sendToApi(event, 'POST', '/v1/tokens', {
      json: parsed.data,
      schema: NewApiTokenResponseSchema,
    });
    if (!result.ok) {
      return fail(result.status, {
        name,
        errors: errorsByField(result.problem.errors),
        message: result.problem.detail,
      });
    }
    return { secret: result.data.data.secret, createdName: result.data.data.name };
  },
  revoke: async (event) => {
    requireAction(event, 'token.manage');
    const id = text(await event.request.formData(), 'id');
    const result = await sendToApi(event, 'DELETE', `/v1/tokens/${encodeURIComponent(id)}`, { schema: null });
    if (!result.ok) return fail(result.status, { message: result.problem.detail, errors: {} });
    return { revoked: id };
  },
} satisfies Actions;
