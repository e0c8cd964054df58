import {
  ApiTokenListResponseSchema,
  AuditEntrySchema,
  ImportQuerySchema,
  ImportReportResponseSchema,
  LoginRequestSchema,
  MeResponseSchema,
  NewApiTokenRequestSchema,
  NewApiTokenResponseSchema,
  NewUserRequestSchema,
  ObservationCorrectionRequestSchema,
  ObservationCreateRequestSchema,
  ObservationHistoryResponseSchema,
  ProblemSchema,
  ProgressQuerySchema,
  ProgressResponseSchema,
  ReviewQueueQuerySchema,
  ReviewQueueResponseSchema,
  TargetListResponseSchema,
  TargetRequestSchema,
  TargetResponseSchema,
  TargetsQuerySchema,
  TransitionRequestSchema,
  UserChangeRequestSchema,
  UserListResponseSchema,
  UserResponseSchema,
  WorkflowObservationResponseSchema,
} from '@fourp/domain';
import { z } from 'zod';
import { componentSchemasOf, parametersOf, ref, type ObjectSchema } from '../../json-schema.js';
import { AuditQuerySchema } from './audit.js';

export type WorkflowOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  /** Who may call it, in words; the rule itself is the domain's `authorize`. */
  who: string;
  query?: ObjectSchema;
  params?: Record<string, string>;
  body?: string | 'file';
  status: number;
  response?: string;
  produces?: 'text/csv' | 'xlsx';
  public?: boolean;
};

const REQUESTS: Record<string, z.ZodType> = {
  LoginRequest: LoginRequestSchema,
  NewUserRequest: NewUserRequestSchema,
  UserChangeRequest: UserChangeRequestSchema,
  NewApiTokenRequest: NewApiTokenRequestSchema,
  ObservationCreateRequest: ObservationCreateRequestSchema,
  ObservationCorrectionRequest: ObservationCorrectionRequestSchema,
  TransitionRequest: TransitionRequestSchema,
  TargetRequest: TargetRequestSchema,
};

const ImportBatchListResponseSchema = z.object({
  data: z.array(
    z.object({
      id: z.number().int(),
      contentHash: z.string(),
      filename: z.string().nullable(),
      format: z.enum(['csv', 'xlsx']),
      layout: z.enum(['template', 'reference']),
      importedBy: z.string(),
      importedByEmail: z.string(),
      at: z.string(),
      rowsTotal: z.number().int(),
      rowsInserted: z.number().int(),
      rowsUpdated: z.number().int(),
      rowsUnchanged: z.number().int(),
    }),
  ),
  meta: z.object({ count: z.number().int() }),
});

const RESPONSES: Record<string, z.ZodType> = {
  Problem: ProblemSchema,
  MeResponse: MeResponseSchema,
  UserResponse: UserResponseSchema,
  UserListResponse: UserListResponseSchema,
  NewApiTokenResponse: NewApiTokenResponseSchema,
  ApiTokenListResponse: ApiTokenListResponseSchema,
  WorkflowObservationResponse: WorkflowObservationResponseSchema,
  ReviewQueueResponse: ReviewQueueResponseSchema,
  ObservationHistoryResponse: ObservationHistoryResponseSchema,
  AuditEntry: AuditEntrySchema,
  ImportReportResponse: ImportReportResponseSchema,
  ImportBatchListResponse: ImportBatchListResponseSchema,
  TargetResponse: TargetResponseSchema,
  TargetListResponse: TargetListResponseSchema,
  ProgressResponse: ProgressResponseSchema,
};

const ID = { id: 'numeric observation id' };
const transition = (event: string, summary: string, who: string): WorkflowOperation => ({
  method: 'post',
  path: `/v1/observations/{id}/${event}`,
  operationId: `${event}Observation`,
  summary,
  who,
  params: ID,
  body: 'TransitionRequest',
  status: 200,
  response: 'WorkflowObservationResponse',
});
const REVIEWERS = 'admin; provincial_reviewer for figures within their scope (Punjab by default)';
const ENTRY = `${REVIEWERS}; district_official for their jurisdiction and its tehsils`;

export const WORKFLOW_OPERATIONS: WorkflowOperation[] = [
  {
    method: 'post',
    path: '/v1/auth/login',
    operationId: 'login',
    summary: 'Sign in; sets the fourp_session cookie (httpOnly, SameSite=Lax; 8 h idle, 7 days at most)',
    who: 'anyone with an account; 5 failures per email and address in 15 minutes → 429',
    body: 'LoginRequest',
    status: 200,
    response: 'MeResponse',
    public: true,
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    operationId: 'logout',
    summary: 'End the session and clear the cookie',
    who: 'any signed-in user',
    status: 204,
  },
  {
    method: 'get',
    path: '/v1/auth/me',
    operationId: 'me',
    summary: 'The signed-in user, the actions they may take and the CSRF token for cookie requests',
    who: 'any signed-in user',
    status: 200,
    response: 'MeResponse',
  },
  {
    method: 'get',
    path: '/v1/users',
    operationId: 'listUsers',
    summary: 'Accounts',
    who: 'admin',
    status: 200,
    response: 'UserListResponse',
  },
  {
    method: 'post',
    path: '/v1/users',
    operationId: 'createUser',
    summary: 'Create an account (password of 12+ characters, hashed with scrypt)',
    who: 'admin',
    body: 'NewUserRequest',
    status: 201,
    response: 'UserResponse',
  },
  {
    method: 'patch',
    path: '/v1/users/{id}',
    operationId: 'updateUser',
    summary: 'Change role, jurisdiction, name, password, or disable an account',
    who: 'admin',
    params: { id: 'user id' },
    body: 'UserChangeRequest',
    status: 200,
    response: 'UserResponse',
  },
  {
    method: 'get',
    path: '/v1/tokens',
    operationId: 'listTokens',
    summary: 'Your API tokens (never their secrets)',
    who: 'any signed-in user',
    status: 200,
    response: 'ApiTokenListResponse',
  },
  {
    method: 'post',
    path: '/v1/tokens',
    operationId: 'createToken',
    summary:
      'Create a personal API token; the secret is shown once. Send it as Authorization: Bearer fourp_…',
    who: 'any signed-in user',
    body: 'NewApiTokenRequest',
    status: 201,
    response: 'NewApiTokenResponse',
  },
  {
    method: 'delete',
    path: '/v1/tokens/{id}',
    operationId: 'revokeToken',
    summary: 'Revoke an API token',
    who: 'its owner; admin',
    params: { id: 'token id' },
    status: 204,
  },
  {
    method: 'post',
    path: '/v1/observations',
    operationId: 'createObservation',
    summary:
      'Enter a figure as a draft, with an existing sourceId or a new source; an outlier needs a comment',
    who: ENTRY,
    body: 'ObservationCreateRequest',
    status: 201,
    response: 'WorkflowObservationResponse',
  },
  {
    method: 'patch',
    path: '/v1/observations/{id}',
    operationId: 'correctObservation',
    summary: 'Correct a draft, rejected or unlocked figure; the previous value is kept as a revision',
    who: ENTRY,
    params: ID,
    body: 'ObservationCorrectionRequest',
    status: 200,
    response: 'WorkflowObservationResponse',
  },
  transition('submit', 'Submit a draft or rejected figure for review', ENTRY),
  transition(
    'approve',
    'Approve a submitted figure (locks it); not by the person who submitted it',
    REVIEWERS,
  ),
  transition('reject', 'Send a submitted figure back to its submitter; reason required', REVIEWERS),
  transition('publish', 'Publish an approved figure; the public API shows published figures only', REVIEWERS),
  transition('unlock', 'Unlock an approved or published figure for correction; reason required', REVIEWERS),
  {
    method: 'get',
    path: '/v1/observations/{id}/history',
    operationId: 'observationHistory',
    summary: 'Workflow steps, revisions and audit entries of a figure',
    who: `${ENTRY}; donor and researcher for published figures`,
    params: ID,
    status: 200,
    response: 'ObservationHistoryResponse',
  },
  {
    method: 'get',
    path: '/v1/reviews',
    operationId: 'reviewQueue',
    summary: 'Unpublished figures you may see: a reviewer’s queue, an official’s drafts',
    who: ENTRY,
    query: ReviewQueueQuerySchema,
    status: 200,
    response: 'ReviewQueueResponse',
  },
  {
    method: 'get',
    path: '/v1/imports/template.csv',
    operationId: 'importTemplateCsv',
    summary: 'The import template as CSV',
    who: 'anyone',
    status: 200,
    produces: 'text/csv',
    public: true,
  },
  {
    method: 'get',
    path: '/v1/imports/template.xlsx',
    operationId: 'importTemplateXlsx',
    summary: 'The import template as XLSX, with a sheet explaining each column',
    who: 'anyone',
    status: 200,
    produces: 'xlsx',
    public: true,
  },
  {
    method: 'get',
    path: '/v1/imports',
    operationId: 'listImports',
    summary: 'Past imports, newest first: yours, or everyone’s for an admin',
    who: ENTRY,
    status: 200,
    response: 'ImportBatchListResponse',
  },
  {
    method: 'post',
    path: '/v1/imports',
    operationId: 'runImport',
    summary:
      'Import a CSV or XLSX (template or reference layout): dryRun=true reports every error and warning by row and column; otherwise all rows or none, idempotent',
    who: `${ENTRY}; every row must lie within the importer's scope (403 otherwise)`,
    query: ImportQuerySchema,
    body: 'file',
    status: 201,
    response: 'ImportReportResponse',
  },
  {
    method: 'get',
    path: '/v1/audit.csv',
    operationId: 'auditCsv',
    summary: 'The append-only audit log as CSV',
    who: 'admin; donor; provincial_reviewer for their scope',
    query: AuditQuerySchema,
    status: 200,
    produces: 'text/csv',
  },
  {
    method: 'get',
    path: '/v1/targets',
    operationId: 'listTargets',
    summary: 'Baselines and targets with their sources',
    who: 'anyone',
    query: TargetsQuerySchema,
    status: 200,
    response: 'TargetListResponse',
    public: true,
  },
  {
    method: 'put',
    path: '/v1/targets',
    operationId: 'setTarget',
    summary: 'Set the baseline and target of an indicator for a jurisdiction',
    who: REVIEWERS,
    body: 'TargetRequest',
    status: 200,
    response: 'TargetResponse',
  },
  {
    method: 'get',
    path: '/v1/progress',
    operationId: 'progress',
    summary:
      'Baseline → target → latest published figure and the progress status, with the source of each number',
    who: 'anyone',
    query: ProgressQuerySchema,
    status: 200,
    response: 'ProgressResponse',
    public: true,
  },
];

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

function operationObject(op: WorkflowOperation) {
  const success =
    op.status === 204
      ? { description: 'No content' }
      : {
          description: 'OK',
          content:
            op.produces === 'text/csv'
              ? { 'text/csv': { schema: { type: 'string' } } }
              : op.produces === 'xlsx'
                ? {
                    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                      schema: { type: 'string', contentMediaType: 'application/octet-stream' },
                    },
                  }
                : { 'application/json': { schema: ref(op.response!) } },
        };
  const body =
    op.body === 'file'
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
                required: ['file'],
              },
            },
            'text/csv': { schema: { type: 'string' } },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', contentMediaType: 'application/octet-stream' },
            },
          },
        }
      : op.body
        ? {
            required: op.body !== 'TransitionRequest',
            content: { 'application/json': { schema: ref(op.body) } },
          }
        : undefined;
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `Who may call: ${op.who}.`,
    tags: ['workflow'],
    ...(op.public
      ? { security: [{}, { session: [] }, { bearer: [] }] }
      : { security: [{ session: [], csrf: [] }, { bearer: [] }] }),
    parameters: [
      ...Object.entries(op.params ?? {}).map(([name, description]) => ({
        name,
        in: 'path',
        required: true,
        description,
        schema: { type: 'string' },
      })),
      ...parametersOf(op.query, 'query'),
    ],
    ...(body ? { requestBody: body } : {}),
    responses: {
      [String(op.status)]: success,
      '400': problem('Invalid input; `errors` names each field (or row and column for imports)'),
      ...(op.public
        ? {}
        : { '401': problem('Not signed in, or the API token is unknown, revoked or expired') }),
      ...(op.public
        ? {}
        : { '403': problem('The role may not do this here, or the X-FourP-CSRF header is missing') }),
      ...(op.path.includes('{id}') ? { '404': problem('Unknown id') } : {}),
      ...(op.method !== 'get' ? { '409': problem('The figure is in a state that does not allow this') } : {}),
      ...(op.operationId === 'login' ? { '429': problem('Too many failed sign-ins; see Retry-After') } : {}),
    },
  };
}

/**
 * The officials' workflow part of the OpenAPI 3.1 document: paths, component schemas and the two ways to
 * authenticate. Merge into /openapi.json with `mergeWorkflowOpenApi`.
 */
export function workflowOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of WORKFLOW_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    paths,
    schemas: { ...componentSchemasOf(RESPONSES, 'output'), ...componentSchemasOf(REQUESTS, 'input') },
    securitySchemes: {
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: 'fourp_session',
        description: 'Set by POST /v1/auth/login',
      },
      csrf: {
        type: 'apiKey',
        in: 'header',
        name: 'X-FourP-CSRF',
        description:
          'The csrfToken from /v1/auth/me; required on POST, PUT, PATCH and DELETE made with the cookie',
      },
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'A personal API token, fourp_…, from POST /v1/tokens',
      },
    },
  };
}

type Document = {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> } & Record<string, unknown>;
  tags?: unknown[];
};

/** The document with the workflow's paths, schemas and security schemes added (a path served for GET elsewhere keeps it). */
export function mergeWorkflowOpenApi<D extends Document>(
  document: D,
): D & { components: { securitySchemes: Record<string, unknown> } } {
  const workflow = workflowOpenApi();
  const paths = { ...document.paths };
  for (const [path, item] of Object.entries(workflow.paths)) paths[path] = { ...paths[path], ...item };
  return {
    ...document,
    tags: [
      ...(document.tags ?? []),
      { name: 'workflow', description: 'Officials’ data entry, review, import, audit, targets' },
    ],
    paths,
    components: {
      ...document.components,
      schemas: { ...workflow.schemas, ...document.components.schemas },
      securitySchemes: workflow.securitySchemes,
    },
  };
}
