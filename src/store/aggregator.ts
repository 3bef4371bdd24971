import {
  aggregateResponses,
  prepareAggregation,
  type MunicipalityAggregate,
} from '../domain/scoring/aggregate';
import type { Response } from '../domain/core/types';
import type { Questionnaire } from '../domain/questionnaire/schema';

/**
 * Aggregation of the network's responses, with the caches that make a second pass cheap. The
 * store owns one (`store.own(createStoreAggregator)`): the network model aggregates through it,
 * and the import prepares it file by file.
 *
 * Until the domain's aggregator instance lands (issue 12, point 1), this wraps the module
 * functions of domain/scoring/aggregate.ts, whose caches are still module-level there.
 */
export interface StoreAggregator {
  aggregate(q: Questionnaire, responses: readonly Response[]): MunicipalityAggregate[];
  /** Does the work `aggregate` caches for these responses alone (see prepareAggregation). */
  prepare(q: Questionnaire, responses: readonly Response[]): void;
}

export function createStoreAggregator(): StoreAggregator {
  return { aggregate: aggregateResponses, prepare: prepareAggregation };
}
