import type { useNetworkTranslation } from './network-namespace';
import type { Reason } from '../domain/priorities/priorities';
import type { Locale } from '../domain/core/types';
import { formatDecimal, formatPercent, formatScore } from './format';

/** A translate function from useNetworkTranslation. */
type T = ReturnType<typeof useNetworkTranslation>['t'];

/** A reason in plain words, e.g. "important to you (4.6) but a low score (38)". */
export function reasonText(reason: Reason, t: T, language: Locale): string {
  switch (reason.code) {
    case 'importantButLow':
      return t('priorities.reasons.importantButLow', {
        importance: formatDecimal(reason.importance, language),
        score: formatScore(reason.score, language),
      });
    case 'belowNetwork':
      return t('priorities.reasons.belowNetwork', {
        points: formatScore(reason.points, language),
        median: formatScore(reason.median, language),
      });
    case 'roleGap':
      return t('priorities.reasons.roleGap', {
        high: t(`priorities.roleGroups.${reason.high}`),
        low: t(`priorities.roleGroups.${reason.low}`),
        points: formatScore(reason.points, language),
      });
    case 'lowCoverage':
      return t('priorities.reasons.lowCoverage', {
        coverage: formatPercent(reason.coverage, language),
      });
  }
}
