import { ProblemSchema } from '@fourp/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t } from '$lib/i18n/messages';
import { GET } from './+server';

afterEach(() => vi.unstubAllGlobals());

describe('the /api proxy', () => {
  it('answers 503 with a problem when the API cannot be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed')));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const url = new URL('http://127.0.0.1:3000/api/v1/pillars');
    const response = await GET({ request: new Request(url), params: { path: 'v1/pillars' }, url } as never);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = ProblemSchema.parse(await response.json());
    expect(problem).toMatchObject({
      status: 503,
      code: 'api_unreachable',
      detail: t('error.apiUnreachable'),
    });
    expect(problem.requestId).not.toBe('');
  });
});
