import { useSyncExternalStore } from 'react';

/**
 * What a network route carries after `?` (#/network/trends/1580?area=strategy): typed, so a
 * screen reads it from its route, never from the address. Unknown keys are dropped.
 */
export interface NetworkQuery {
  /** The area to show first (trends) or to preset (a new action). */
  area?: string;
}

/**
 * Hash routes (#/results) work on any static host, survive a reload and keep the back button.
 * Screens read the route (useRoute) and move with navigate; nothing else reads the address.
 */
export type Route =
  | { name: 'start' }
  | { name: 'assessment'; areaId: string | null }
  | { name: 'review' }
  | { name: 'results' }
  | { name: 'accessibility' }
  | { name: 'network'; view: NetworkView; param: string | null; query?: NetworkQuery }
  | { name: 'present'; slide: number }
  | { name: 'report'; param: string | null }
  /** A result link opened (#/r/<payload>): what it holds is shown before it is imported. */
  | { name: 'resultLink'; payload: string }
  /** A room invite opened (#/invite?…): the start screen, filled in. */
  | { name: 'invite'; query: string }
  /** The same invite as a slide for the projector (#/invite-slide?…). */
  | { name: 'inviteSlide'; query: string }
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
  'answered',
  'learn',
  'share',
] as const;
export type NetworkView = (typeof NETWORK_VIEWS)[number];

function parseNetworkQuery(search: string): NetworkQuery {
  const area = new URLSearchParams(search).get('area');
  return area ? { area } : {};
}

function networkQueryString(query: NetworkQuery | undefined): string {
  return query?.area ? `?${new URLSearchParams({ area: query.area }).toString()}` : '';
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
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
      const query = parseNetworkQuery(search);
      return { name: 'network', view, param: third ?? null, ...(query.area ? { query } : {}) };
    }
    case 'report':
      return { name: 'report', param: second ?? null };
    case 'r':
      return { name: 'resultLink', payload: second ?? '' };
    case 'invite':
      return { name: 'invite', query: search };
    case 'invite-slide':
      return { name: 'inviteSlide', query: search };
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
    case 'network': {
      const path =
        route.view === 'overview' && route.param === null
          ? '#/network'
          : `#/network/${route.view}${route.param === null ? '' : `/${encodeURIComponent(route.param)}`}`;
      return path + networkQueryString(route.query);
    }
    case 'present':
      return `#/present/${route.slide}`;
    case 'report':
      return route.param === null ? '#/report' : `#/report/${encodeURIComponent(route.param)}`;
    case 'resultLink':
      return `#/r/${encodeURIComponent(route.payload)}`;
    case 'invite':
      return route.query === '' ? '#/invite' : `#/invite?${route.query}`;
    case 'inviteSlide':
      return `#/invite-slide?${route.query}`;
    default:
      return `#/${route.name}`;
  }
}

export interface NavigateOptions {
  /**
   * Replace the current history entry instead of adding one, for a route that only corrects the
   * address (#/assessment → #/assessment/<area>): Back then skips it.
   */
  replace?: boolean;
}

export function navigate(route: Route, options: NavigateOptions = {}): void {
  const href = routeHref(route);
  if (window.location.hash === href) return;
  // location.replace, not history.replaceState: it fires hashchange, which useRoute listens to.
  if (options.replace) window.location.replace(href);
  else window.location.hash = href;
}

/** The route as the address shows it at this moment, for handlers that run between renders. */
export function currentRoute(): Route {
  return parseRoute(window.location.hash);
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** The address's hash; the build's pre-render (src/app/prerender.tsx) is of `#/`. */
export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '#/',
  );
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
