import { publicUnits } from '$lib/server/units';
import { ROLES } from '@fourp/domain';
import { fail } from '@sveltejs/kit';
import { failWith } from '$lib/api/problem';
import { requireAction, sessionApi } from '$lib/server/session';
import { formValues, text } from '$lib/workflow/forms';
import { checkNewUser, newUserRequest } from '$lib/workflow/accounts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireAction(event, 'user.manage');
  const users = await sessionApi(event).users();
  return {
    me: me.user.id,
    canManageUnits: me.actions.includes('jurisdiction.manage'),
    users: users.data,
    roles: ROLES,
    jurisdictions: (await publicUnits(event.fetch)).filter(
      (j) => j.role === 'monitored' && j.validTo === null,
    ),
  };
}) satisfies PageServerLoad;

export const actions = {
  create: async (event) => {
    requireAction(event, 'user.manage');
    const form = await event.request.formData();
    const values = formValues(form);
    const errors = checkNewUser({ ...values, password: text(form, 'password') });
    if (Object.keys(errors).length > 0) return fail(400, { values, errors, message: null });
    const result = await sessionApi(event).createUser(
      newUserRequest({ ...values, password: String(form.get('password') ?? '') }),
    );
    if (!result.ok) return failWith(result.problem, { values });
    return { created: result.data.data.email };
  },
  toggle: async (event) => {
    requireAction(event, 'user.manage');
    const form = await event.request.formData();
    const id = text(form, 'id');
    const disabled = text(form, 'disabled') === 'true';
    const result = await sessionApi(event).updateUser(id, { disabled });
    if (!result.ok) return failWith(result.problem, { toggleFor: id });
    return { toggled: result.data.data.email, disabled };
  },
} satisfies Actions;
