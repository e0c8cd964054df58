import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** JSON Schemas (2020-12) of the named zod schemas, referring to one another as `#/components/schemas/<name>`. */
export function componentSchemasOf(
  schemas: Record<string, z.ZodType>,
  io: 'input' | 'output',
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: json } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(json).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema as JsonSchema]),
  );
}

/** OpenAPI parameter objects for the fields of a query or path schema; path parameters are always required. */
export function parametersOf(schema: ObjectSchema | undefined, location: 'query' | 'path') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const {
      $schema: _s,
      description,
      ...json
    } = z.toJSONSchema(field, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
    }) as JsonSchema;
    return {
      name,
      in: location,
      required: location === 'path' || !z.safeParse(field, undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: json,
    };
  });
}
