import { createRoute } from '@hono/zod-openapi';
import {
  CITATION_FORMATS,
  CitationQuerySchema,
  CslJsonSchema,
  NewReleaseRequestSchema,
  ReleaseListResponseSchema,
  MAX_RELEASE_CHANGES_LIMIT,
  ReleaseChangesQuerySchema,
  ReleaseChangesResponseSchema,
  ReleaseParamsSchema,
  ReleaseResponseSchema,
  type Release,
  type ReleaseChangesResponse,
} from '@fourp/domain';
import type { ReleaseFiles, RouteDeps } from '../env.js';
import { ANYONE, jsonBody, jsonResponse, NOT_MODIFIED, problems, SIGNED_IN } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { listReleaseChanges, listReleases, type StoredRelease } from '../repos/releases.js';
import { requireRelease } from '../services/published/read.js';
import { decodeCursor, encodeCursor, linkNextPage } from '../openapi/paging.js';
import { z } from 'zod';
import { CITATION_MEDIA_TYPES, formatCitation } from '../services/release/citation.js';
import { createRelease } from '../services/release/create.js';
import { callerOf } from './workflow/guard.js';

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
  summary: 'A release: its date, counts of changes since the previous release, checksums and citation',
  tags: ['data'],
  security: ANYONE,
  request: { params: ReleaseParamsSchema },
  responses: { 200: jsonResponse(ReleaseResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

const changes = createRoute({
  method: 'get',
  path: '/{id}/changes',
  operationId: 'listReleaseChanges',
  summary: "A release's manifest: each figure it added, corrected or withdrew since the previous release",
  description:
    'Changes come in cell order (indicator, jurisdiction, year, figure id), at most `limit` ' +
    `(at most ${MAX_RELEASE_CHANGES_LIMIT}) per page. While more remain, the answer carries ` +
    '`Link: <…>; rel="next"` (JSON: `meta.next`), the same query with an opaque `cursor`; follow it until there ' +
    'is none. A withdrawn figure is keyed by its cell as last released.',
  tags: ['data'],
  security: ANYONE,
  request: { params: ReleaseParamsSchema, query: ReleaseChangesQuerySchema },
  responses: { 200: jsonResponse(ReleaseChangesResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

const ChangePositionSchema = z.tuple([z.string(), z.string(), z.number().int(), z.number().int()]);

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

async function viewOf(r: StoredRelease, webOrigin: string): Promise<Release> {
  const url = urlOf(webOrigin, r.id);
  return {
    id: r.id,
    createdAt: r.createdAt,
    previous: r.previousId,
    note: r.note,
    counts: { figures: r.figureCount, ...r.counts },
    changes: `/v1/releases/${r.id}/changes`,
    checksums: r.checksums,
    citation: { url, text: await formatCitation({ id: r.id, createdAt: r.createdAt, url }, 'text') },
  };
}

/** Releases: public reads of what each one holds, and the signed-in verb that makes one. */
export const releaseRoutes = (deps: ReleaseRouteDeps) =>
  createRouter()
    .openapi(list, async (c) => {
      const data = await Promise.all(listReleases(deps.db).map((r) => viewOf(r, deps.webOrigin)));
      return c.json({ data, meta: { count: data.length } }, 200);
    })
    .openapi(get, async (c) =>
      c.json({ data: await viewOf(requireRelease(deps.db, c.req.valid('param').id), deps.webOrigin) }, 200),
    )
    .openapi(changes, (c) => {
      const { id } = c.req.valid('param');
      const { change, limit, cursor } = c.req.valid('query');
      const after = decodeCursor(cursor, ChangePositionSchema);
      requireRelease(deps.db, id);
      const rows = listReleaseChanges(deps.db, id, { change, after, limit: limit + 1 });
      const data = rows.slice(0, limit);
      const last = data.at(-1);
      const next =
        rows.length > limit && last
          ? linkNextPage(c, encodeCursor([last.indicator, last.jurisdiction, last.year, last.observation]))
          : null;
      const body: ReleaseChangesResponse = { data, meta: { count: data.length, limit, next } };
      return c.json(body, 200);
    })
    .openapi(cite, async (c) => {
      const release = requireRelease(deps.db, c.req.valid('param').id);
      const { format } = c.req.valid('query');
      const text = await formatCitation({ ...release, url: urlOf(deps.webOrigin, release.id) }, format);
      return c.body(text, 200, { 'Content-Type': CITATION_MEDIA_TYPES[format] });
    })
    .openapi(make, async (c) => {
      const id = await createRelease(deps, callerOf(c), c.req.valid('json'));
      return c.json({ data: await viewOf(requireRelease(deps.db, id), deps.webOrigin) }, 201, {
        'Cache-Control': 'no-store',
      });
    });
