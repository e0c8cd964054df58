import { ObservationListResponseSchema, type Source } from '@fourp/domain';
import { sessionGet } from '$lib/server/session';

/**
 * The sources behind published figures, to pick from when entering a figure or a target. The API has no
 * list of sources yet, so they are collected from the published figures.
 */
export async function knownSources(
  event: Parameters<typeof sessionGet>[0],
  indicator?: string,
): Promise<Source[]> {
  const list = await sessionGet(event, '/v1/observations', ObservationListResponseSchema, { indicator });
  const byId = new Map<number, Source>();
  for (const observation of list.data) byId.set(observation.source.id, observation.source);
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title) || (b.year ?? 0) - (a.year ?? 0));
}
