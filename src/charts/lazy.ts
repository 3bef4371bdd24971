import { lazy } from 'react';

/** recharts is loaded only when a chart is shown, so the questionnaire never waits for it. */
export const LazyAreaScoreChart = lazy(() => import('./area-score-chart'));
