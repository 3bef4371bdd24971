import { useSyncExternalStore } from 'react';

/** Hash routes (#/results) work on any static host, survive a reload and keep the back button. */
export type Route =
  | { name: 'start' }
  | { name: 'assessment'; areaId: string | null }
  | { name: 'review' }
  | { name: 'results' }
  | { name: 'accessibility' }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const [head = '', second] = path.split('/').filter(Boolean).map(decodeURIComponent);
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
