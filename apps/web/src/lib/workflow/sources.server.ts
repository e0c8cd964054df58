import { MAX_SOURCES_LIMIT, SourceListResponseSchema, type Source } from '@fourp/domain';
import { sessionGet } from '$lib/server/session';

/** Every source on record (`GET /v1/sources`, by title), to pick from when entering a figure or a target. */
export async function knownSources(event: Parameters<typeof sessionGet>[0]): Promise<Source[]> {
  const list = await sessionGet(event, '/v1/sources', SourceListResponseSchema, { limit: MAX_SOURCES_LIMIT });
  return list.data;
}
