import { MAX_TOKEN_DAYS, NewApiTokenRequestSchema } from '@fourp/domain';
import { fail } from '@sveltejs/kit';
import { failWith } from '$lib/api/problem';
import { publicUser, requireAction, requireSignedIn, sessionApi } from '$lib/server/session';
import { errorsByField, text } from '$lib/workflow/forms';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireSignedIn(event);
  const canManage = me.actions.includes('token.manage');
  const tokens = canManage ? (await sessionApi(event).tokens()).data : [];
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
      expiresInDays: Number(days || String(MAX_TOKEN_DAYS)),
    });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return fail(400, { name, errors: errorsByField(issues), message: null });
    }
    const result = await sessionApi(event).createToken(parsed.data);
    if (!result.ok) return failWith(result.problem, { name });
    return { secret: result.data.data.secret, createdName: result.data.data.name };
  },
  password: async (event) => {
    requireSignedIn(event);
    const form = await event.request.formData();
    const secret = (name: string) => String(form.get(name) ?? '');
    const body = { currentPassword: secret('currentPassword'), newPassword: secret('newPassword') };
    const result = await sessionApi(event).changePassword(body);
    if (!result.ok)
      return failWith(
        result.problem,
        { form: 'password' as const },
        { fields: ['currentPassword', 'newPassword'] },
      );
    return { form: 'password' as const, passwordChanged: true };
  },
  revoke: async (event) => {
    requireAction(event, 'token.manage');
    const id = text(await event.request.formData(), 'id');
    const result = await sessionApi(event).revokeToken(id);
    if (!result.ok) return failWith(result.problem, {});
    return { revoked: id };
  },
} satisfies Actions;
