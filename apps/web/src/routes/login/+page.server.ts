import { LoginRequestSchema, type Me } from '@fourp/domain';
import { fail, redirect } from '@sveltejs/kit';
import { failWith } from '$lib/api/problem';
import { relaySessionCookie, safeRedirectTarget, sessionApi } from '$lib/server/session';
import { errorsByField, text } from '$lib/workflow/forms';
import type { Actions, PageServerLoad } from './$types';
import { localizeHref } from '$lib/paraglide/runtime.js';

/** Where a user lands after signing in when no page asked for it: the first task their role has. */
function landingFor(me: Me): string {
  if (me.actions.includes('observation.approve')) return '/review';
  if (me.actions.includes('observation.create')) return '/entry';
  if (me.actions.includes('user.manage')) return '/admin';
  return '/account';
}

export const load = (({ locals, url }) => {
  const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin, '');
  if (locals.user) redirect(303, localizeHref(redirectTo || landingFor(locals.user)));
  return { redirectTo };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = text(form, 'email');
    const password = typeof form.get('password') === 'string' ? String(form.get('password')) : '';
    const redirectTo = safeRedirectTarget(text(form, 'redirectTo'), event.url.origin, '');
    const parsed = LoginRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      return fail(400, {
        email,
        message: null,
        errors: errorsByField(
          parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      });
    }
    const result = await sessionApi(event).login(parsed.data);
    if (!result.ok) {
      return failWith(
        result.problem,
        { email },
        { fields: ['email', 'password'], status: result.problem.status === 429 ? 429 : 400 },
      );
    }
    relaySessionCookie(result.response, event.cookies, event.url);
    redirect(303, localizeHref(redirectTo || landingFor(result.data.data)));
  },
} satisfies Actions;
