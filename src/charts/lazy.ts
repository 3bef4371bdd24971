import { lazy } from 'react';

/** recharts is loaded only when a chart is shown, so the questionnaire never waits for it. */
export const LazyAreaScoreChart = lazy(() => import('./area-score-chart'));
export const LazyProfileChart = lazy(() => import('./profile-chart'));
export const LazyRadarChart = lazy(() => import('./radar-chart'));
export const LazyQuadrantChart = lazy(() => import('./quadrant-chart'));
export const LazyTrendChart = lazy(() => import('./trend-chart'));
