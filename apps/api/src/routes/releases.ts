import { createRoute } from '@hono/zod-openapi';
import {
  CITATION_FORMATS,
  CitationQuerySchema,
  CslJsonSchema,
  NewReleaseRequestSchema,
  ReleaseListResponseSchema,
  ReleaseParamsSchema,
  ReleaseResponseSchema,
  type Release,
} from '@fourp/domain';
import type { ReleaseFiles, RouteDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { ANYONE, jsonBody, jsonResponse, NOT_MODIFIED, problems, SIGNED_IN } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { findRelease, listReleases, readReleaseManifest, type StoredRelease } from '../repos/releases.js';
import type { Db } from '../db/client.js';
import { CITATION_MEDIA_TYPES, formatCitation } from '../services/release/citation.js';
import { createRelease } from '../services/release/create.js';
import { callerOf } from './workflow/guard.js';
import { say } from '../i18n/messages.js';

/** `webOrigin`: the dashboard, whose /data page is the landing page a citation links to. */
export type ReleaseRouteDeps = RouteDeps & { exportFiles: ReleaseFiles; webOrigin: string };

const list = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listReleases',
  summary: 'Numbered, immutable releases of the published figures, newest first',
  tags: ['data'],
  security: ANYONE,
  responses: { 200: jsonResponse(ReleaseListResponseSchema), 304: NOT_MODIFIED, ...problems() },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getRelease',
  summary: 'A release: its date, counts, manifest since the previous release, checksums and citation',
  tags: ['data'],
  security: ANYONE,
  request: { params: ReleaseParamsSchema },
  responses: { 200: jsonResponse(ReleaseResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

const cite = createRoute({
  method: 'get',
  path: '/{id}/citation',
  operationId: 'citeRelease',
  summary: 'The citation of a release as plain text (APA), BibTeX, RIS or CSL-JSON',
  tags: ['data'],
  security: ANYONE,
  request: { params: ReleaseParamsSchema, query: CitationQuerySchema },
  responses: {
    200: {
      description: 'OK',
      content: {
        ...Object.fromEntries(
          CITATION_FORMATS.filter((f) => f !== 'csl-json').map((f) => [
            CITATION_MEDIA_TYPES[f].split(';')[0]!,
            { schema: { type: 'string' as const } },
          ]),
        ),
        [CITATION_MEDIA_TYPES['csl-json']]: { schema: CslJsonSchema },
      },
    },
    304: NOT_MODIFIED,
    ...problems(404),
  },
});

const make = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createRelease',
  summary: 'Make a release of everything published now, as the public sees it',
  description:
    'Who may call: admin; provincial_reviewer. Answers 409 when nothing changed since the previous release.',
  tags: ['workflow'],
  security: SIGNED_IN,
  request: { body: jsonBody(NewReleaseRequestSchema) },
  responses: { 201: jsonResponse(ReleaseResponseSchema, 'Created'), ...problems(401, 403, 409) },
});

const urlOf = (webOrigin: string, id: string) => new URL(`/data#release-${id}`, webOrigin).href;

async function viewOf(db: Db, r: StoredRelease, webOrigin: string): Promise<Release> {
  const url = urlOf(webOrigin, r.id);
  return {
    id: r.id,
    createdAt: r.createdAt,
    previous: r.previousId,
    note: r.note,
    counts: { figures: r.figureCount, ...r.counts },
    manifest: readReleaseManifest(db, r.id),
    checksums: r.checksums,
    citation: { url, text: await formatCitation({ id: r.id, createdAt: r.createdAt, url }, 'text') },
  };
}

function requireRelease(deps: RouteDeps, id: string): StoredRelease {
  const release = findRelease(deps.db, id);
  if (release === null) throw new ApiError('not_found', say('release_not_found', { id }));
  return release;
}

/** Releases: public reads of what each one holds, and the signed-in verb that makes one. */
export const releaseRoutes = (deps: ReleaseRouteDeps) =>
  createRouter()
    .openapi(list, async (c) => {
      const data = await Promise.all(listReleases(deps.db).map((r) => viewOf(deps.db, r, deps.webOrigin)));
      return c.json({ data, meta: { count: data.length } }, 200);
    })
    .openapi(get, async (c) =>
      c.json(
        { data: await viewOf(deps.db, requireRelease(deps, c.req.valid('param').id), deps.webOrigin) },
        200,
      ),
    )
    .openapi(cite, async (c) => {
      const release = requireRelease(deps, c.req.valid('param').id);
      const { format } = c.req.valid('query');
      const text = await formatCitation({ ...release, url: urlOf(deps.webOrigin, release.id) }, format);
      return c.body(text, 200, { 'Content-Type': CITATION_MEDIA_TYPES[format] });
    })
    .openapi(make, async (c) => {
      const id = await createRelease(deps, callerOf(c), c.req.valid('json'));
      return c.json({ data: await viewOf(deps.db, requireRelease(deps, id), deps.webOrigin) }, 201, {
        'Cache-Control': 'no-store',
      });
    });
