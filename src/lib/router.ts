import { useSyncExternalStore } from 'react';

/** Hash routes (#/results) work on any static host, survive a reload and keep the back button. */
export type Route =
  | { name: 'start' }
  | { name: 'assessment'; areaId: string | null }
  | { name: 'review' }
  | { name: 'results' }
  | { name: 'accessibility' }
  | { name: 'network'; view: NetworkView; param: string | null }
  | { name: 'present'; slide: number }
  | { name: 'report'; param: string | null }
  | { name: 'notFound' };

export const NETWORK_VIEWS = [
  'overview',
  'profile',
  'area',
  'priorities',
  'trends',
  'actions',
  'consensus',
  'data',
] as const;
export type NetworkView = (typeof NETWORK_VIEWS)[number];

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const [head = '', second, third] = path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  switch (head) {
    case '':
      return { name: 'start' };
    case 'assessment':
      return { name: 'assessment', areaId: second ?? null };
    case 'review':
      return { name: 'review' };
    case 'results':
      return { name: 'results' };
    case 'accessibility':
      return { name: 'accessibility' };
    case 'network': {
      const view = (NETWORK_VIEWS as readonly string[]).includes(second ?? '')
        ? (second as NetworkView)
        : 'overview';
      return { name: 'network', view, param: third ?? null };
    }
    case 'report':
      return { name: 'report', param: second ?? null };
    case 'present': {
      const slide = Number.parseInt(second ?? '1', 10);
      return { name: 'present', slide: Number.isFinite(slide) && slide >= 1 ? slide : 1 };
    }
    default:
      return { name: 'notFound' };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'start':
    case 'notFound':
      return '#/';
    case 'assessment':
      return route.areaId ? `#/assessment/${encodeURIComponent(route.areaId)}` : '#/assessment';
    case 'network':
      return route.view === 'overview' && route.param === null
        ? '#/network'
        : `#/network/${route.view}${route.param === null ? '' : `/${encodeURIComponent(route.param)}`}`;
    case 'present':
      return `#/present/${route.slide}`;
    case 'report':
      return route.param === null ? '#/report' : `#/report/${encodeURIComponent(route.param)}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
