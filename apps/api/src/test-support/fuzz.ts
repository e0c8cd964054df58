import fc from 'fast-check';

/** The subset of JSON Schema (OpenAPI 3.1) the API's document uses. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
};

type Parameter = { name: string; in: 'query' | 'path' | 'header'; required?: boolean; schema: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** Realistic values by parameter or property name, so that some requests get past validation to the service. */
export type Pools = Record<string, readonly (string | number)[]>;

export type FuzzBody = { contentType: string | null; payload: string | Uint8Array; label: string };
export type FuzzRequest = { method: string; url: string; body: FuzzBody | null; operation: string };

const MB = 1024 * 1024;
const stringify = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Strings that have broken parsers, queries, paths and number conversions elsewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\t\r\n',
  '../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE observations; --',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example")',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '0x10',
  'null',
  'true',
  '[]',
  '{}',
  '%',
  '%E0%A4%A',
  '__proto__',
  'constructor',
  '💥'.repeat(50),
  'ﷺ‮',
  'a,b,,c,',
  'A'.repeat(65),
  'x'.repeat(5000),
];
const NASTY_NUMBERS = [-1, 0, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE];

const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 300_000 }).map((n) => 'z'.repeat(n)),
);
const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }),
  fc.anything({ maxDepth: 3 }),
);

export class FuzzGenerator {
  constructor(
    private readonly doc: OpenApiDoc,
    private readonly pools: Pools,
  ) {}

  private resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const found = this.doc.components.schemas[name];
    if (!found) throw new Error(`unresolved ${schema.$ref}`);
    return this.resolve(found);
  }

  /** allOf flattened into one object schema (the document uses allOf only to extend objects). */
  private flatten(schema: JsonSchema): JsonSchema {
    const s = this.resolve(schema);
    if (!s.allOf) return s;
    const parts = s.allOf.map((part) => this.flatten(part));
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: parts.flatMap((p) => p.required ?? []),
    };
  }

  /** Values that satisfy `schema` (or come from the realistic pool for `name`). */
  conforming(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
    const s = this.flatten(schema);
    if (s.format === 'date')
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    const pool = this.pools[name];
    if (pool && pool.length > 0) return fc.constantFrom(...pool);
    if (s.enum) return fc.constantFrom(...s.enum);
    if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => this.conforming(x, name)));
    const types = Array.isArray(s.type) ? s.type : [s.type ?? 'object'];
    return fc.oneof(...types.map((type) => this.ofType(type, s)));
  }

  private ofType(type: string, s: JsonSchema): fc.Arbitrary<unknown> {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer': {
        const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -5);
        return fc.integer({ min, max: s.maximum ?? Math.max(min, 2100) });
      }
      case 'number':
        return fc.double({
          noNaN: true,
          noDefaultInfinity: true,
          min: s.minimum ?? -1e6,
          max: s.maximum ?? 1e6,
        });
      case 'array':
        return fc.array(s.items ? this.conforming(s.items) : fc.string(), { maxLength: 3 });
      case 'object': {
        const props = Object.fromEntries(
          Object.entries(s.properties ?? {}).map(([key, value]) => [key, this.conforming(value, key)]),
        );
        return fc.record(props, { requiredKeys: (s.required ?? []).filter((key) => key in props) });
      }
      default: {
        const minLength = s.minLength ?? 0;
        const maxLength = Math.min(s.maxLength ?? 40, 40);
        if (s.format === 'email') return fc.emailAddress();
        if (s.pattern)
          return fc
            .stringMatching(new RegExp(s.pattern))
            .filter((x) => x.length >= minLength && x.length <= (s.maxLength ?? Infinity));
        return fc.string({ minLength, maxLength: Math.max(minLength, maxLength) });
      }
    }
  }

  /** A value that violates `schema`: the wrong type, too long, out of range, or a nasty string. */
  hostile(schema: JsonSchema): fc.Arbitrary<unknown> {
    const s = this.flatten(schema);
    const tooLong = (s.maxLength ?? 1000) + 1;
    return fc.oneof(
      nastyJson,
      fc.constant('y'.repeat(tooLong)),
      fc.constantFrom(
        (s.minimum ?? 0) - 1,
        (s.maximum ?? 1e9) + 1,
        (s.exclusiveMinimum ?? 0) - 0.5,
        String(s.minimum ?? '-'),
      ),
    );
  }

  /** A JSON object body for `schema` with one property made hostile, dropped, or extra keys added. */
  private mutatedObject(schema: JsonSchema): fc.Arbitrary<unknown> {
    const s = this.flatten(schema);
    const keys = Object.keys(s.properties ?? {});
    const base = this.conforming(s) as fc.Arbitrary<Record<string, unknown>>;
    if (keys.length === 0) return fc.tuple(base, nastyJson).map(([b, extra]) => ({ ...b, extra }));
    return fc.oneof(
      base,
      fc
        .tuple(base, fc.constantFrom(...keys))
        .chain(([b, key]) => this.hostile(s.properties![key]!).map((value) => ({ ...b, [key]: value }))),
      fc.tuple(base, fc.constantFrom(...keys)).map(([b, key]) => {
        const { [key]: _dropped, ...rest } = b;
        return rest;
      }),
      base.map(
        (b) =>
          JSON.parse(
            JSON.stringify({ ...b, constructor: { prototype: {} } }).replace(
              '{',
              '{"__proto__":{"admin":true},',
            ),
          ) as unknown,
      ),
    );
  }

  private jsonBody(schema: JsonSchema): fc.Arbitrary<FuzzBody> {
    const asJson = (label: string) => (value: unknown) => ({
      contentType: 'application/json',
      payload: JSON.stringify(value) ?? 'undefined',
      label,
    });
    return fc.oneof(
      { weight: 6, arbitrary: this.mutatedObject(schema).map(asJson('mutated object')) },
      { weight: 2, arbitrary: nastyJson.map(asJson('hostile value')) },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom('', '{', '{"a":', 'nul', '\u0000', '{"a":1}}', "{'a':1}", '[1,2', '1e999999')
          .map((payload) => ({ contentType: 'application/json', payload, label: 'malformed json' })),
      },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((depth) => ({
          contentType: 'application/json',
          payload: '['.repeat(depth) + ']'.repeat(depth),
          label: 'deep nesting',
        })),
      },
      {
        weight: 1,
        arbitrary: fc.constant({
          contentType: 'application/json',
          payload: JSON.stringify({ note: 'n'.repeat(1.2 * MB) }),
          label: 'over 1 MB',
        }),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom(null, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'),
            this.conforming(schema),
          )
          .map(([contentType, value]) => ({
            contentType,
            payload: JSON.stringify(value),
            label: `as ${contentType}`,
          })),
      },
    );
  }

  private uploadBody(): fc.Arbitrary<FuzzBody> {
    const csvCell = fc.oneof(nastyString, fc.constantFrom(...Object.values(this.pools).flat().map(String)));
    const csv = fc
      .tuple(
        fc.constantFrom(...(this.pools['import_header'] ?? ['indicator']).map(String)),
        fc.array(fc.array(csvCell, { maxLength: 16 }), { maxLength: 6 }),
      )
      .map(([header, rows]) =>
        [header, ...rows.map((r) => r.map((c) => JSON.stringify(String(c))).join(','))].join('\r\n'),
      );
    const bytes = fc.uint8Array({ maxLength: 2000 });
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return fc.oneof(
      csv.map((payload) => ({ contentType: 'text/csv', payload, label: 'csv' })),
      bytes.map((payload) => ({ contentType: xlsx, payload, label: 'random bytes as xlsx' })),
      fc
        .constantFrom('PK\u0003\u0004garbage', 'PK\u0005\u0006' + '\u0000'.repeat(18))
        .map((payload) => ({ contentType: xlsx, payload, label: 'broken zip' })),
      fc.tuple(fc.constantFrom('file', 'other'), csv).map(([field, content]) => {
        const boundary = 'fuzzboundary';
        const payload = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="f.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
        return {
          contentType: `multipart/form-data; boundary=${boundary}`,
          payload,
          label: `multipart ${field}`,
        };
      }),
      fc.constantFrom(
        {
          contentType: 'multipart/form-data; boundary=x',
          payload: '--x\r\nbroken',
          label: 'broken multipart',
        },
        { contentType: 'multipart/form-data', payload: 'no boundary', label: 'multipart without boundary' },
        { contentType: 'text/csv', payload: '\n'.repeat(50_000), label: 'csv of newlines' },
        { contentType: 'application/json', payload: '{}', label: 'json to upload' },
        { contentType: null, payload: '', label: 'empty' },
      ),
    );
  }

  private parameterValue(parameter: Parameter): fc.Arbitrary<string | string[] | undefined> {
    return fc.oneof(
      { weight: 3, arbitrary: this.conforming(parameter.schema, parameter.name).map(stringify) },
      { weight: 3, arbitrary: this.hostile(parameter.schema).map(stringify) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.array(this.conforming(parameter.schema, parameter.name).map(stringify), {
          minLength: 2,
          maxLength: 3,
        }),
      },
    );
  }

  /** Requests for one operation: a third conforming, the rest with parameters hostile, missing or repeated and a mutated body. */
  operation(method: string, path: string): fc.Arbitrary<FuzzRequest> {
    const op = this.doc.paths[path]![method]!;
    const params = op.parameters ?? [];
    const content = op.requestBody?.content ?? {};
    const jsonSchema = content['application/json']?.schema;
    const conforming = fc.tuple(
      fc.tuple(
        ...params.map((p) => {
          const value = this.conforming(p.schema, p.name).map(stringify);
          return p.required ? value : fc.option(value, { nil: undefined });
        }),
      ),
      jsonSchema
        ? this.conforming(jsonSchema).map((value) => ({
            contentType: 'application/json',
            payload: JSON.stringify(value),
            label: 'conforming',
          }))
        : Object.keys(content).length > 0
          ? this.uploadBody()
          : fc.constant(null),
      fc.constant(''),
    );
    const body: fc.Arbitrary<FuzzBody | null> = jsonSchema
      ? this.jsonBody(jsonSchema)
      : Object.keys(content).length > 0
        ? this.uploadBody()
        : method === 'get'
          ? fc.constant(null)
          : fc.oneof(fc.constant(null), this.jsonBody({ type: 'object' }));
    const rawSuffix = fc.constantFrom('', '', '', '&%', '&x=%ZZ', '&format=csv&format=json', '#frag');
    const hostile = fc.tuple(fc.tuple(...params.map((p) => this.parameterValue(p))), body, rawSuffix);
    return fc
      .oneof({ weight: 1, arbitrary: conforming }, { weight: 2, arbitrary: hostile })
      .map(([vals, b, suffix]) => {
        let url = path;
        const query = new URLSearchParams();
        params.forEach((p, i) => {
          const v = vals[i];
          if (p.in === 'path') {
            const text = Array.isArray(v) ? v.join('/') : (v ?? '');
            url = url.replace(`{${p.name}}`, encodeURIComponent(text) || '%20');
          } else if (p.in === 'query' && v !== undefined) {
            for (const item of Array.isArray(v) ? v : [v]) query.append(p.name, item);
          }
        });
        return {
          method: method.toUpperCase(),
          url: `${url}?${query.toString()}${suffix}`,
          body: b,
          operation: `${method.toUpperCase()} ${path}`,
        };
      });
  }

  operations(): { method: string; path: string }[] {
    return Object.entries(this.doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method, path })),
    );
  }
}
