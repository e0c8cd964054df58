import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { TEXT_LIMITS } from '@fourp/domain';
import type { Context } from 'hono';
import type { RouteDeps } from '../../env.js';
import { ANYONE, SIGNED_IN } from '../../openapi/responses.js';

export type WorkflowDeps = Pick<RouteDeps, 'db' | 'now' | 'trustProxy' | 'suppressionK'>;

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
export const XLSX_CONTENT = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: { type: 'string' as const, contentMediaType: 'application/octet-stream' },
  },
};

/**
 * The address rate limits are keyed on. Behind the trusted proxy (the dashboard), the last X-Forwarded-For
 * entry is the one that proxy saw; entries before it come from the client and could be made up.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
