import { MAX_SOURCES_LIMIT, type Source } from '@fourp/domain';
import { sessionApi } from '$lib/server/session';

/** Every source on record (`GET /v1/sources`, by title), to pick from when entering a figure or a target. */
export async function knownSources(event: Parameters<typeof sessionApi>[0]): Promise<Source[]> {
  const list = await sessionApi(event).sources({ limit: MAX_SOURCES_LIMIT });
  return list.data;
}
