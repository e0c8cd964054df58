import { createRoute } from '@hono/zod-openapi';
import {
  CompareQuerySchema,
  CompareResponseSchema,
  compareToBenchmarks,
  definitionVariantsOf,
  localiseIndicator,
  localiseVariants,
  nameIn,
  reason,
  renderReason,
  deriveSeries,
  isCurrentTotal,
  isNormalisable,
  nearestWithData,
  perModesOf,
  populationsFrom,
  seriesContextOf,
  type CompareResponse,
  type CompareStandIn,
  type Comparison,
  type JurisdictionId,
  type Observation,
  type Source,
} from '@fourp/domain';
import { jurisdictionTree } from '../repos/jurisdictions.js';
import type { RouteDeps } from '../env.js';
import { ApiError } from '../errors.js';
import { jsonResponse, NOT_MODIFIED, problems } from '../openapi/responses.js';
import { createRouter } from '../openapi/router.js';
import { requireIndicator, requireJurisdiction } from '../services/lookup.js';
import { readFigures } from '../services/published/read.js';
import { say } from '../i18n/messages.js';

const POPULATION = 'population';

/** The source of each point the comparison shows, by observation id. */
function sourcesOf(comparison: Comparison, observations: readonly Observation[]): Record<string, Source> {
  const shown = new Set(
    comparison.years.flatMap((year) =>
      [year.base, ...year.benchmarks.map((b) => b.point)].map((point) => point?.observationId),
    ),
  );
  return Object.fromEntries(
    observations.filter((o) => shown.has(o.id)).map((o) => [String(o.id), o.source] as const),
  );
}

const compare = createRoute({
  method: 'get',
  path: '/',
  operationId: 'compare',
  summary: 'A jurisdiction side by side with benchmarks, per 100,000 residents, with comparability grades',
  description: 'When the base has no figure, the nearest parent with one is shown and labelled in `standIn`.',
  tags: ['analysis'],
  request: { query: CompareQuerySchema },
  responses: { 200: jsonResponse(CompareResponseSchema), 304: NOT_MODIFIED, ...problems(404) },
});

export const comparisonRoutes = (deps: RouteDeps) =>
  createRouter().openapi(compare, async (c) => {
    const query = c.req.valid('query');
    const indicator = requireIndicator(query.indicator);
    const locale = c.var.locale;
    const shownIndicator = localiseIndicator(indicator, locale);
    const tree = jurisdictionTree(deps.db);
    const base = requireJurisdiction(tree, query.base);
    const benchmarks = [...new Set(query.with)].filter((id) => id !== base.id);
    for (const id of benchmarks) requireJurisdiction(tree, id);
    const allowed = perModesOf(indicator);
    const per = query.per ?? allowed[0]!;
    if (!allowed.includes(per)) {
      throw new ApiError('validation_failed', say('invalid_query', { names: 'per' }), [
        {
          path: 'per',
          message: say('compare_per', {
            indicator: indicator.id,
            measureType: indicator.measureType,
            allowed: String(allowed[0]),
          }),
        },
      ]);
    }

    const candidates: JurisdictionId[] = [base.id, ...tree.ancestorsOf(base.id)];
    const jurisdictions = [...candidates, ...benchmarks];
    const { formula } = indicator;
    const perResident = formula?.denominator === POPULATION;
    // Populations are read for every year: the nearest one may lie outside from–to. A comparison shows
    // current totals only, so breakdowns and superseded figures are not read.
    const [published, populationRows] = await Promise.all([
      readFigures(deps, null, {
        currentTotals: true,
        indicators: formula
          ? [formula.numerator, formula.denominator].filter((id) => id !== POPULATION)
          : [indicator.id],
        jurisdictions,
        from: query.from,
        to: query.to,
        release: query.release,
      }),
      perResident || isNormalisable(indicator)
        ? readFigures(deps, null, {
            indicators: [POPULATION],
            jurisdictions,
            currentTotals: true,
            release: query.release,
          })
        : [],
    ]);
    const observations = formula
      ? deriveSeries(indicator, {
          numerator: published.filter((o) => o.indicator === formula.numerator),
          denominator: perResident
            ? populationRows
            : published.filter((o) => o.indicator === formula.denominator),
        })
      : published;
    const hasData = (id: JurisdictionId) =>
      observations.some((o) => o.jurisdiction === id && isCurrentTotal(o));
    const chosen = nearestWithData(base.id, candidates.slice(1), hasData, locale);
    const used = chosen?.jurisdiction ?? base.id;
    const standIn: CompareStandIn | null =
      chosen?.standIn === true
        ? {
            for: base.id,
            used,
            reason: renderReason(
              reason('base_has_no_figure', {
                base: nameIn(base.name, locale),
                indicator: shownIndicator.name,
                used: nameIn(requireJurisdiction(tree, used).name, locale),
              }),
              locale,
            ),
          }
        : null;

    const seriesOf = (jurisdiction: JurisdictionId, shownFor: JurisdictionId = jurisdiction) => ({
      jurisdiction,
      observations: observations.filter((o) => o.jurisdiction === jurisdiction),
      context: seriesContextOf(tree, jurisdiction, shownFor),
    });
    const comparison = compareToBenchmarks({
      indicator: shownIndicator,
      base: seriesOf(used, base.id),
      benchmarks: benchmarks.map((id) => seriesOf(id)),
      populations: populationsFrom(populationRows),
      variants: localiseVariants(indicator.id, definitionVariantsOf(indicator), locale),
      options: { per, locale },
    });
    const body: CompareResponse = {
      data: {
        indicator: indicator.id,
        per,
        requestedBase: base.id,
        baseHasData: hasData(base.id),
        standIn,
        comparison,
        sources: sourcesOf(comparison, observations),
      },
      meta: { suppressionThreshold: deps.suppressionK },
    };
    return c.json(body, 200);
  });
