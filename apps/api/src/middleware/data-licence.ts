import { DATA_LICENCE_LINK } from '@fourp/domain';
import type { MiddlewareHandler } from 'hono';

/** Every successful read of published data names its licence in an RFC 8288 `Link` header. */
export const dataLicence = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (c.res.status < 300) c.res.headers.append('Link', DATA_LICENCE_LINK);
};
