import { validator } from 'hono/validator';
import type { z } from 'zod';
import { ApiError } from '../errors.js';

/** Query validation with a zod schema; a failure becomes a 400 problem naming each parameter. */
export const validQuery = <S extends z.ZodType>(schema: S) =>
  validator('query', (value): z.output<S> => {
    const result = schema.safeParse(value);
    if (!result.success) throw ApiError.fromZod(result.error, 'query');
    return result.data;
  });
