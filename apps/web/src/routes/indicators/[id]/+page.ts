import { parseIndicatorView } from '$lib/url-state';
import type { PageLoad } from './$types';

/**
 * Only the open tab's component comes with the page: the chart tab, the default, loads none of the others,
 * which keeps the page's JavaScript within its budget in both languages.
 */
export const load: PageLoad = async ({ data, url }) => {
  const { tab } = parseIndicatorView(url.searchParams, {
    available: data.available,
    defaultJurisdictions: data.defaults,
    perCapita: data.perCapita,
  });
  const drafts = data.drafts.length > 0;
  const [about, sources, table, draftFigures] = await Promise.all([
    tab === 'about' ? import('./AboutTab.svelte') : null,
    tab === 'sources' ? import('./SourcesTab.svelte') : null,
    tab === 'table' ? import('./FigureTable.svelte') : null,
    drafts ? import('./DraftFigures.svelte') : null,
  ]);
  return {
    ...data,
    panels: {
      AboutTab: about?.default,
      SourcesTab: sources?.default,
      FigureTable: table?.default,
      DraftFigures: draftFigures?.default,
    },
  };
};
