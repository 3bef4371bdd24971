import { lazy, type ComponentType } from 'react';

/**
 * A chart whose code loads when it is first shown. When it cannot load (offline, before the
 * service worker has cached the charts: it precaches only what a delegate needs, vite.config.ts),
 * the chart is left out rather than the screen failing: every chart has a data-table twin beside
 * it that says the same, until the app is opened again.
 */
function lazyChart<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return lazy(() => load().catch(() => ({ default: () => null })));
}

/** recharts is loaded only when a chart is shown, so the questionnaire never waits for it. */
export const LazyAreaScoreChart = lazyChart(() => import('./area-score-chart'));
export const LazyProfileChart = lazyChart(() => import('./profile-chart'));
export const LazyRadarChart = lazyChart(() => import('./radar-chart'));
export const LazyQuadrantChart = lazyChart(() => import('./quadrant-chart'));
export const LazyTrendChart = lazyChart(() => import('./trend-chart'));
