import { useMemo } from 'react';
import { gatheringOf, sameGathering } from '../domain/core/gatherings';
import type { Response } from '../domain/core/types';
import { countedResponses } from '../domain/scoring/counted';
import type { NetworkModel } from './network-model';
import { useAppStore } from './store-context';

/**
 * Every municipality's delegation at the chosen gathering: its responses to the network's
 * questionnaire (any version: statement ids are permanent), one per respondent, the newest, as
 * aggregation counts them (countedResponses). Keyed by kommunenummer. What the consensus step,
 * the comments and the learning view show the answers and comments of.
 */
export function useDelegations(
  model: Pick<NetworkModel, 'questionnaire' | 'gathering'>,
): ReadonlyMap<string, readonly Response[]> {
  const responses = useAppStore((s) => s.network.responses);
  const { gathering } = model;
  const id = model.questionnaire.id;
  return useMemo(() => {
    const out = new Map<string, Response[]>();
    const inRound = Object.values(responses).filter(
      (r) =>
        gathering !== null && sameGathering(gatheringOf(r), gathering) && r.questionnaire.id === id,
    );
    for (const r of countedResponses(inRound)) {
      const list = out.get(r.municipality.number);
      if (list === undefined) out.set(r.municipality.number, [r]);
      else list.push(r);
    }
    return out;
  }, [responses, gathering, id]);
}
