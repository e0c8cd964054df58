import { JURISDICTIONS, ROLES, UserListResponseSchema, UserResponseSchema } from '@fourp/domain';
import { fail } from '@sveltejs/kit';
import { requireAction, sendToApi, sessionGet } from '$lib/server/session';
import { errorsByField, formValues, text } from '$lib/workflow/forms';
import { checkNewUser, newUserRequest } from '$lib/workflow/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireAction(event, 'user.manage');
  const users = await sessionGet(event, '/v1/users', UserListResponseSchema);
  return {
    me: me.user.id,
    users: users.data,
    roles: ROLES,
    jurisdictions: JURISDICTIONS.filter((j) => j.role === 'monitored'),
  };
}) satisfies PageServerLoad;

export const actions = {
  create: async (event) => {
    requireAction(event, 'user.manage');
    const form = await event.request.formData();
    const values = formValues(form);
    const errors = checkNewUser({ ...values, password: text(form, 'password') });
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, message: null });
    const result = await sendToApi(event, 'POST', '/v1/users', {
      json: newUserRequest({ ...values, password: String(form.get('password') ?? '') }),
      schema: UserResponseSchema,
    });
    if (!result.ok) {
      return fail(result.status, {
        values,
        message: result.problem.detail,
        errors: errorsByField(result.problem.errors),
      });
    }
    return { created: result.data.data.email };
  },
  toggle: async (event) => {
    requireAction(event, 'user.manage');
    const form = await event.request.formData();
    const id = text(form, 'id');
    const disabled = text(form, 'disabled') === 'true';
    const result = await sendToApi(event, 'PATCH', `/v1/users/${encodeURIComponent(id)}`, {
      json: { disabled },
      schema: UserResponseSchema,
    });
    if (!result.ok) return fail(result.status, { toggleFor: id, message: result.problem.detail });
    return { toggled: result.data.data.email, disabled };
  },
} satisfies Actions;
