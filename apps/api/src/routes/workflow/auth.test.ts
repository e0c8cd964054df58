import { MeResponseSchema, NewApiTokenResponseSchema } from '@fourp/domain';
import { describe, expect, it } from 'vitest';
import { readProblem } from '../../test-support/api.js';
import {
  PASSWORD,
  createTestUser,
  createWorkflowTestApp,
  gujratFigure,
  json,
  signIn,
  tableCounts,
  useWorkflowTestApp,
  type WorkflowTestApp,
} from '../../test-support/workflow.js';

const t = useWorkflowTestApp();
const PROXY_SECRET = 'dashboard-secret-for-tests';
/** Signs in through an app that knows the dashboard's secret, as the client at `address`. */
const viaDashboard =
  (app: WorkflowTestApp['app'], email: string, secret = PROXY_SECRET) =>
  (address: string, password: string) =>
    app.request(
      '/v1/auth/login',
      json({ 'X-Forwarded-For': address, 'X-FourP-Proxy': secret }, { email, password }),
    );

const login = (email: string, password: string, url = '/v1/auth/login') =>
  t.app.request(url, json({}, { email, password }));

describe('sessions', () => {
  it('signs in with an httpOnly SameSite=Lax cookie and tells the dashboard its CSRF token', async () => {
    const { res, cookie } = await signIn(t.app, 'Official@Example.org ');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^fourp_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Max-Age=604800/);
    expect(setCookie).not.toMatch(/Secure/);
    const me = MeResponseSchema.parse(await (await t.app.request('/v1/auth/me', { headers: cookie })).json());
    expect(me.data).toMatchObject({
      via: 'session',
      scope: 'PK-PB-GUJRAT',
      user: { email: 'official@example.org', role: 'district_official' },
    });
    expect(me.data.actions).toContain('observation.create');
    expect(me.data.actions).not.toContain('observation.approve');
    expect(me.data.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('marks the cookie Secure over https', async () => {
    const res = await login('donor@example.org', PASSWORD, 'https://api.example.org/v1/auth/login');
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await readProblem(await login('researcher@example.org', 'not the password at all'), 401);
    const unknown = await readProblem(await login('nobody@example.org', 'not the password at all'), 401);
    expect(wrong.detail).toBe(unknown.detail);
    await readProblem(await t.app.request('/v1/auth/me'), 401);
  });

  it('refuses cookie writes without the CSRF header and accepts them with it', async () => {
    const { cookie, csrf } = await signIn(t.app, 'official@example.org');
    const before = await tableCounts(t.db);
    const refused = await readProblem(
      await t.app.request('/v1/observations', json(cookie, gujratFigure({ year: 2010 }))),
      403,
    );
    expect(refused.detail).toMatch(/X-FourP-CSRF/);
    const wrong = { ...cookie, 'X-FourP-CSRF': 'A'.repeat(43) };
    await readProblem(
      await t.app.request('/v1/observations', json(wrong, gujratFigure({ year: 2010 }))),
      403,
    );
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await t.app.request('/v1/observations', json(csrf, gujratFigure({ year: 2010 })))).status).toBe(
      201,
    );
  });

  it('ends the session on logout', async () => {
    const { cookie, csrf } = await signIn(t.app, 'admin@example.org');
    const res = await t.app.request('/v1/auth/logout', { method: 'POST', headers: csrf });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/fourp_session=;.*Max-Age=0/);
    await readProblem(await t.app.request('/v1/auth/me', { headers: cookie }), 401);
  });

  it('limits failed sign-ins per email and address, even when the password is then right', async () => {
    for (let i = 0; i < 5; i++)
      await readProblem(await login('reviewer2@example.org', `wrong password ${i}`), 401);
    const res = await login('reviewer2@example.org', PASSWORD);
    const problem = await readProblem(res, 429);
    expect(problem.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    expect((await login('reviewer@example.org', PASSWORD)).status).toBe(200);
  });

  it('behind the dashboard (shared secret), limits each forwarded client address on its own', async () => {
    const proxied = await createWorkflowTestApp({ proxySecret: PROXY_SECRET });
    try {
      const from = viaDashboard(proxied.app, 'official@example.org');
      for (let i = 0; i < 5; i++) await readProblem(await from('203.0.113.7', `wrong password ${i}`), 401);
      await readProblem(await from('203.0.113.7', PASSWORD), 429);
      await readProblem(await from('198.51.100.1, 203.0.113.7', PASSWORD), 429);
      expect((await from('203.0.113.8', PASSWORD)).status).toBe(200);
    } finally {
      proxied.close();
    }
  });

  it('ignores X-Forwarded-For from a caller without the dashboard secret', async () => {
    const proxied = await createWorkflowTestApp({ proxySecret: PROXY_SECRET });
    try {
      const forged = viaDashboard(proxied.app, 'donor@example.org', `${PROXY_SECRET}x`.slice(1));
      for (let i = 0; i < 5; i++)
        await readProblem(await forged(`203.0.113.${i}`, `wrong password ${i}`), 401);
      await readProblem(
        await viaDashboard(proxied.app, 'donor@example.org', '')('203.0.113.99', PASSWORD),
        429,
      );
      expect((await viaDashboard(proxied.app, 'donor@example.org')('203.0.113.99', PASSWORD)).status).toBe(
        200,
      );
    } finally {
      proxied.close();
    }
  });

  it('lets 30 parallel wrong passwords through to the password check at most 5 times', async () => {
    const fresh = await createWorkflowTestApp();
    try {
      const statuses = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const res = await fresh.app.request(
            '/v1/auth/login',
            json({}, { email: 'researcher@example.org', password: `wrong password ${i}` }),
          );
          return res.status;
        }),
      );
      const count = (status: number) => statuses.filter((s) => s === status).length;
      expect(count(401)).toBe(5);
      expect(count(429)).toBe(25);
    } finally {
      fresh.close();
    }
  });

  it('slows down, but never locks out, an account guessed at from many addresses', async () => {
    let clock = new Date('2026-02-02T10:00:00Z');
    const proxied = await createWorkflowTestApp({ proxySecret: PROXY_SECRET, now: () => clock });
    try {
      const from = viaDashboard(proxied.app, 'reviewer@example.org');
      for (let i = 0; i < 10; i++)
        await readProblem(await from(`198.51.100.${i}`, `wrong password ${i}`), 401);
      const slowed = await from('192.0.2.1', PASSWORD);
      await readProblem(slowed, 429);
      expect(Number(slowed.headers.get('retry-after'))).toBe(1);
      for (let i = 10; i < 17; i++) {
        clock = new Date(clock.getTime() + 2 ** (i - 10) * 1000);
        await readProblem(await from(`198.51.100.${i}`, `wrong password ${i}`), 401);
      }
      const waited = await from('192.0.2.1', PASSWORD);
      expect(Number(waited.headers.get('retry-after'))).toBe(60);
      clock = new Date(clock.getTime() + 60_000);
      expect((await from('192.0.2.1', PASSWORD)).status).toBe(200);
    } finally {
      proxied.close();
    }
  });

  it('limits one address guessing at many accounts', async () => {
    const fresh = await createWorkflowTestApp();
    try {
      const attempt = (email: string, password: string) =>
        fresh.app.request('/v1/auth/login', json({}, { email, password }));
      for (let i = 0; i < 30; i++)
        await readProblem(await attempt(`nobody${i}@example.org`, `wrong password ${i}`), 401);
      for (const name of ['admin', 'reviewer', 'donor'])
        await readProblem(await attempt(`${name}@example.org`, PASSWORD), 429);
    } finally {
      fresh.close();
    }
  }, 120_000);

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const from = (address: string, password: string) =>
      t.app.request(
        '/v1/auth/login',
        json({ 'X-Forwarded-For': address }, { email: 'donor@example.org', password }),
      );
    for (let i = 0; i < 5; i++) await readProblem(await from(`203.0.113.${i}`, `wrong password ${i}`), 401);
    await readProblem(await from('203.0.113.99', PASSWORD), 429);
  });

  it('rejects a malformed login body with a problem naming the field', async () => {
    const problem = await readProblem(
      await t.app.request('/v1/auth/login', json({}, { email: 'a@b.c' })),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['password']);
  });
});

describe('session expiry', () => {
  it('ends a session after 8 idle hours, and keeps an active one alive', async () => {
    let clock = new Date('2026-01-05T08:00:00Z');
    const timed = await createWorkflowTestApp({ now: () => clock });
    try {
      const { cookie } = await signIn(timed.app, 'official@example.org');
      clock = new Date('2026-01-05T15:00:00Z');
      expect((await timed.app.request('/v1/auth/me', { headers: cookie })).status).toBe(200);
      clock = new Date('2026-01-05T22:59:00Z');
      expect((await timed.app.request('/v1/auth/me', { headers: cookie })).status).toBe(200);
      clock = new Date('2026-01-06T07:00:00Z');
      const expired = await timed.app.request('/v1/auth/me', { headers: cookie });
      await readProblem(expired, 401);
      expect(expired.headers.get('set-cookie')).toMatch(/fourp_session=;/);
    } finally {
      timed.close();
    }
  });
});

describe('API tokens', () => {
  it('shows a new token once, works without CSRF, and stops working once revoked', async () => {
    const { csrf } = await signIn(t.app, 'researcher@example.org');
    const created = await t.app.request('/v1/tokens', json(csrf, { name: 'monthly export' }));
    expect(created.status).toBe(201);
    const { data } = NewApiTokenResponseSchema.parse(await created.json());
    expect(data.secret).toMatch(/^fourp_[A-Za-z0-9_-]{43}$/);
    const bearer = { Authorization: `Bearer ${data.secret}` };
    const me = MeResponseSchema.parse(await (await t.app.request('/v1/auth/me', { headers: bearer })).json());
    expect(me.data).toMatchObject({ via: 'token', csrfToken: null });
    const list = await (await t.app.request('/v1/tokens', { headers: bearer })).json();
    expect(JSON.stringify(list)).not.toContain(data.secret);

    expect((await t.app.request(`/v1/tokens/${data.id}`, { method: 'DELETE', headers: bearer })).status).toBe(
      204,
    );
    await readProblem(await t.app.request('/v1/auth/me', { headers: bearer }), 401);
    await readProblem(await t.app.request('/v1/observations', { headers: bearer }), 401);
  });

  it('does not let one user revoke another user’s token', async () => {
    const owner = await createTestUser(t.db, 'donor', null, 'token-owner');
    const { csrf } = await signIn(t.app, owner.email);
    const created = NewApiTokenResponseSchema.parse(
      await (await t.app.request('/v1/tokens', json(csrf, { name: 'd' }))).json(),
    );
    await readProblem(
      await t.app.request(`/v1/tokens/${created.data.id}`, {
        method: 'DELETE',
        headers: t.researcher.bearer,
      }),
      404,
    );
    expect(
      (await t.app.request(`/v1/tokens/${created.data.id}`, { method: 'DELETE', headers: t.admin.bearer }))
        .status,
    ).toBe(204);
  });
});

describe('API token lifetime and origin', () => {
  it('gives a token 90 days when no expiry is asked, and refuses a longer or endless one naming the field', async () => {
    const { csrf } = await signIn(t.app, 'researcher@example.org');
    const created = await t.app.request('/v1/tokens', json(csrf, { name: 'default' }));
    const { data } = NewApiTokenResponseSchema.parse(await created.json());
    expect(Date.parse(data.expiresAt!) - Date.parse(data.createdAt)).toBe(90 * 24 * 60 * 60 * 1000);
    const before = await tableCounts(t.db);
    for (const expiresInDays of [91, 366, null]) {
      const problem = await readProblem(
        await t.app.request('/v1/tokens', json(csrf, { name: 'long', expiresInDays })),
        400,
      );
      expect(problem.errors?.map((e) => e.path)).toEqual(['expiresInDays']);
    }
    const tooLong = await readProblem(
      await t.app.request('/v1/tokens', json(csrf, { name: 'long', expiresInDays: 91 })),
      400,
    );
    expect(tooLong.errors?.[0]?.message).toMatch(/at most 90 days/);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('does not let an API token create another token', async () => {
    const before = await tableCounts(t.db);
    const problem = await readProblem(
      await t.app.request('/v1/tokens', json(t.researcher.bearer, { name: 'minted' })),
      403,
    );
    expect(problem.detail).toMatch(/API token cannot create tokens/);
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('ends a token stored without an expiry 90 days after it was created', async () => {
    let clock = new Date();
    const timed = await createWorkflowTestApp({ now: () => clock });
    try {
      const me = () => timed.app.request('/v1/auth/me', { headers: timed.donor.bearer });
      clock = new Date(Date.now() + 89 * 24 * 60 * 60 * 1000);
      expect((await me()).status).toBe(200);
      clock = new Date(Date.now() + 91 * 24 * 60 * 60 * 1000);
      await readProblem(await me(), 401);
    } finally {
      timed.close();
    }
  });
});

describe('password change', () => {
  const NEW_PASSWORD = 'lantern orbit cactus minnow';
  const change = (headers: Record<string, string>, body: unknown) =>
    t.app.request('/v1/auth/password', json(headers, body));

  it('changes your password with the current one and signs out your other sessions, keeping this one', async () => {
    const user = await createTestUser(t.db, 'researcher', null, 'self-service');
    const here = await signIn(t.app, user.email);
    const there = await signIn(t.app, user.email);
    const res = await change(here.csrf, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status, await res.clone().text()).toBe(204);
    expect((await t.app.request('/v1/auth/me', { headers: here.cookie })).status).toBe(200);
    await readProblem(await t.app.request('/v1/auth/me', { headers: there.cookie }), 401);
    await readProblem(await login(user.email, PASSWORD), 401);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a wrong current password and a weak new one with field errors, changing nothing', async () => {
    const user = await createTestUser(t.db, 'donor', null, 'careful');
    const { csrf } = await signIn(t.app, user.email);
    const before = await tableCounts(t.db);
    const wrong = await readProblem(
      await change(csrf, { currentPassword: 'a wrong password', newPassword: NEW_PASSWORD }),
      400,
    );
    expect(wrong.errors).toEqual([{ path: 'currentPassword', message: 'The current password is wrong.' }]);
    const weak = await readProblem(
      await change(csrf, { currentPassword: PASSWORD, newPassword: 'aaaaaaaaaaaa' }),
      400,
    );
    expect(weak.errors?.[0]).toMatchObject({
      path: 'newPassword',
      message: expect.stringMatching(/too easy/),
    });
    const missing = await readProblem(await change(csrf, { newPassword: NEW_PASSWORD }), 400);
    expect(missing.errors?.map((e) => e.path)).toEqual(['currentPassword']);
    expect(await tableCounts(t.db)).toEqual(before);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });

  it('lets 30 parallel wrong current passwords through to the check at most 5 times, then answers 429', async () => {
    const fresh = await createWorkflowTestApp();
    try {
      const { csrf } = await signIn(fresh.app, fresh.researcher.email);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          fresh.app.request(
            '/v1/auth/password',
            json(csrf, { currentPassword: `wrong password ${i}`, newPassword: NEW_PASSWORD }),
          ),
        ),
      );
      const refused = answers.filter((res) => res.status === 429);
      expect(answers.filter((res) => res.status === 400)).toHaveLength(5);
      expect(refused).toHaveLength(25);
      for (const res of refused) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const problem = await readProblem(refused[0]!, 429);
      expect(problem.code).toBe('rate_limited');
      await readProblem(
        await fresh.app.request(
          '/v1/auth/password',
          json(csrf, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
        ),
        429,
      );
    } finally {
      fresh.close();
    }
  });

  it('is refused to anonymous callers, cookie requests without CSRF and API tokens', async () => {
    const body = { currentPassword: PASSWORD, newPassword: NEW_PASSWORD };
    const user = await createTestUser(t.db, 'donor', null, 'unmoved');
    const { cookie } = await signIn(t.app, user.email);
    await readProblem(await change({}, body), 401);
    await readProblem(await change(cookie, body), 403);
    await readProblem(await change(user.bearer, body), 403);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });
});

describe('admin password reset', () => {
  it('signs the user out everywhere and revokes their API tokens', async () => {
    const user = await createTestUser(t.db, 'researcher', null, 'forgetful');
    const { cookie } = await signIn(t.app, user.email);
    const reset = await t.app.request(
      `/v1/users/${user.id}`,
      json(t.admin.bearer, { password: 'lantern orbit cactus minnow' }, 'PATCH'),
    );
    expect(reset.status, await reset.clone().text()).toBe(200);
    await readProblem(await t.app.request('/v1/auth/me', { headers: cookie }), 401);
    await readProblem(await t.app.request('/v1/auth/me', { headers: user.bearer }), 401);
  });

  it('refuses a reset to a weak password, saying why', async () => {
    const problem = await readProblem(
      await t.app.request(
        `/v1/users/${t.researcher.id}`,
        json(t.admin.bearer, { password: 'aaaaaaaaaaaa' }, 'PATCH'),
      ),
      400,
    );
    expect(problem.errors?.[0]).toMatchObject({
      path: 'password',
      message: expect.stringMatching(/too easy/),
    });
    expect((await t.app.request('/v1/auth/me', { headers: t.researcher.bearer })).status).toBe(200);
  });
});
