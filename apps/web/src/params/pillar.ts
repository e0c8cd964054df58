import { PILLAR_IDS } from '@fourp/domain/client';
import type { PillarId } from '@fourp/domain';
import type { ParamMatcher } from '@sveltejs/kit';

export const match = ((param: string): param is PillarId =>
  (PILLAR_IDS as readonly string[]).includes(param)) satisfies ParamMatcher;
