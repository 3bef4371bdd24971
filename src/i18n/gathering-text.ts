import { useTranslation } from 'react-i18next';
import type { GatheringId } from '../domain/core/gatherings';

/**
 * The text that stands for a gathering's round in every string that names a gathering
 * ("samling {{round}}"): the round alone while the data holds one period, and the round with
 * its period («2 i 2024–2025») once it holds more (NetworkModel.showPeriod), so next year's
 * round 1 never reads as this year's.
 */
export function useGatheringText(showPeriod: boolean): (g: GatheringId) => string {
  const { t } = useTranslation();
  return (g) =>
    showPeriod
      ? t('start.gatheringInPeriod', { round: g.round, period: g.period })
      : String(g.round);
}

/** The text for the network model's chosen gathering ('' when there is none). */
export function useChosenGatheringText(model: {
  gathering: GatheringId | null;
  showPeriod: boolean;
}): string {
  const text = useGatheringText(model.showPeriod);
  return model.gathering === null ? '' : text(model.gathering);
}
