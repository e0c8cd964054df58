import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { TEXT_LIMITS } from '@fourp/domain';
import type { Context } from 'hono';
import { sameSecret } from '../../auth/secrets.js';
import type { RouteDeps } from '../../env.js';
import { ANYONE, SIGNED_IN } from '../../openapi/responses.js';

export type WorkflowDeps = Pick<RouteDeps, 'db' | 'now' | 'proxySecret' | 'suppressionK'>;

export const REVIEWERS = 'admin; provincial_reviewer for figures within their scope (Punjab by default)';
export const ENTRY = `${REVIEWERS}; district_official for their jurisdiction and its tehsils`;

/**
 * The OpenAPI fields every workflow route shares: its tag, who may call it in words (the rule itself is the
 * domain's `authorize`) and how: anyone, or signed in with a session cookie plus CSRF header or a token.
 */
export const access = (who: string, audience: 'anyone' | 'signed-in' = 'signed-in') => ({
  tags: ['workflow'],
  description: `Who may call: ${who}.`,
  security: audience === 'anyone' ? ANYONE : SIGNED_IN,
});

export const ObservationParamsSchema = z.object({
  id: z.coerce.number().int().positive().describe('numeric observation id'),
});
export const IdParamsSchema = (description: string) =>
  z.object({ id: z.string().min(1).max(TEXT_LIMITS.id).describe(description) });

export const NO_STORE = { 'Cache-Control': 'no-store' };

export const CSV_CONTENT = { 'text/csv': { schema: { type: 'string' as const } } };
/** A file sent as the `file` field of a multipart form. */
export const MULTIPART_FILE_CONTENT = {
  'multipart/form-data': {
    schema: {
      type: 'object' as const,
      properties: { file: { type: 'string' as const, contentMediaType: 'application/octet-stream' } },
      required: ['file'],
    },
  },
};
export const XLSX_CONTENT = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: { type: 'string' as const, contentMediaType: 'application/octet-stream' },
  },
};

export const PROXY_HEADER = 'x-fourp-proxy';

/**
 * The address rate limits are keyed on. From the dashboard (it proves itself with the shared secret), the last
 * X-Forwarded-For entry is the address it saw; anyone else's header could be made up, so the socket counts.
 */
export function clientIp(c: Context, proxySecret: string | null): string {
  const fromProxy = c.req.header(PROXY_HEADER);
  if (proxySecret && fromProxy && sameSecret(fromProxy, proxySecret)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
