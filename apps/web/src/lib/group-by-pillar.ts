/** Items grouped under their pillar, in the pillars' order; pillars with no item are left out. */
export function groupByPillar<P extends { id: string }, T extends { pillar: string }>(
  pillars: readonly P[],
  items: readonly T[],
): { pillar: P; items: T[] }[] {
  return pillars
    .map((pillar) => ({ pillar, items: items.filter((item) => item.pillar === pillar.id) }))
    .filter((group) => group.items.length > 0);
}
