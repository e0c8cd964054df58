import { findIndicator, observationInterval, type ObservationListResponse } from '@fourp/domain';
import type { ReleaseFiles } from '../../env.js';
import { readFigures, type ReadDeps } from '../published/read.js';

/** One file: the `/v1/observations?release=` JSON body of the release. */
export const observationsJsonFile = (deps: ReadDeps): ReleaseFiles =>
  async function* (release) {
    const figures = await readFigures(deps, null, { release });
    const data = figures.map((o) => ({ ...o, interval: observationInterval(o, findIndicator(o.indicator)) }));
    const body: ObservationListResponse = {
      data,
      meta: { count: data.length, suppressionThreshold: deps.suppressionK },
    };
    yield { name: 'observations.json', bytes: new TextEncoder().encode(JSON.stringify(body)) };
  };
