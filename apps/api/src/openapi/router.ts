import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

const WHERE = { query: 'query', param: 'path', json: 'body', form: 'body' } as const;

/** Turns a zod failure of a declared request part into the 400 validation problem. */
export const defaultHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) return undefined;
  const where = WHERE[result.target as keyof typeof WHERE] ?? 'body';
  throw ApiError.fromZod(result.error, where);
};

/** A sub-app whose routes are declared with `createRoute` and land in the OpenAPI document. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook });
