import { CODE_LICENCE, DATA_LICENCE, DEFAULT_LOCALE, LOCALES } from '@fourp/domain';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { nameComponentSchemas } from './components.js';

const CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'FourP API',
    version: '1.0.0',
    description:
      'Monitoring anti-human-trafficking policy in District Gujrat (Punjab, Pakistan) against Italy and Spain ' +
      '(4P: prevention, protection, prosecution, partnership). Public reads show published figures only.\n\n' +
      `The code is licensed ${CODE_LICENCE.name}. The data this API publishes is licensed ${DATA_LICENCE.name} ` +
      `(${DATA_LICENCE.url}); each source’s own terms also apply to the figures taken from it.`,
    license: { name: CODE_LICENCE.name, identifier: CODE_LICENCE.identifier },
    'x-data-license': DATA_LICENCE,
  },
  servers: [{ url: '/' }],
  tags: [
    { name: 'service', description: 'Status of the API and its database' },
    { name: 'catalogue', description: 'Pillars, indicators and jurisdictions' },
    { name: 'data', description: 'Published figures, their coverage and sources' },
    { name: 'analysis', description: 'Comparisons with benchmarks and 4P scores' },
    { name: 'measures', description: 'Policy measures and their rubric levels' },
    { name: 'workflow', description: 'Officials’ data entry, review, import, audit, targets' },
  ],
};

/** `?lang=`, which every read takes: one middleware negotiates the language for all routes. */
const LANG_PARAMETER = {
  name: 'lang',
  in: 'query' as const,
  required: false,
  description:
    'The language of the human-read texts (names, definitions, grade reasons, method texts, problem details); ' +
    'wins over Accept-Language. Ids, codes, column names and numbers never change with it.',
  schema: { type: 'string' as const, enum: [...LOCALES], default: DEFAULT_LOCALE },
};

/** Headers and security schemes that route declarations refer to by `$ref` or by name. */
export function registerSharedComponents(app: OpenAPIHono<AppEnv>) {
  const registry = app.openAPIRegistry;

  registry.registerComponent('headers', 'RequestId', {
    description: 'Request id; an incoming X-Request-Id of word characters, - and = is kept',
    schema: { type: 'string' },
  });
  registry.registerComponent('headers', 'ETag', {
    description: 'Weak validator of the body',
    schema: { type: 'string' },
  });
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'fourp_session',
    description: 'Set by POST /v1/auth/login',
  });
  registry.registerComponent('securitySchemes', 'csrf', {
    type: 'apiKey',
    in: 'header',
    name: 'X-FourP-CSRF',
    description:
      'The csrfToken from /v1/auth/me; required on POST, PUT, PATCH and DELETE made with the cookie',
  });
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token, fourp_…, from POST /v1/tokens',
  });
}

export type OpenApiDocument = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>;

/** The OpenAPI 3.1 document of every route declared on `app`. */
export function openApiDocument(app: OpenAPIHono<AppEnv>): OpenApiDocument {
  nameComponentSchemas();
  const document = app.getOpenAPI31Document(CONFIG);
  for (const item of Object.values(document.paths ?? {})) {
    if (item.get === undefined) continue;
    item.get.parameters = [...(item.get.parameters ?? []), structuredClone(LANG_PARAMETER)];
  }
  return document;
}
