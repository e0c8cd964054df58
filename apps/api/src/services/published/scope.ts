import { can, type JurisdictionTree, type Principal } from '@fourp/domain';

/** Officials within the figure's jurisdiction and admins see figures unsuppressed; everyone else as the public. */
export const seesUnsuppressed = (
  principal: Principal | null,
  jurisdictionId: string | null,
  tree: JurisdictionTree,
  asOf?: number,
) =>
  principal !== null &&
  jurisdictionId !== null &&
  can(principal, 'observation.read_unpublished', { jurisdictionId, tree, asOf });
