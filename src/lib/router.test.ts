import { describe, expect, it } from 'vitest';
import { currentRoute, navigate, parseRoute, routeHref, type Route } from './router';

describe('router: typed query', () => {
  it('reads the area of a network route from after the ?', () => {
    expect(parseRoute('#/network/trends/1580?area=strategy')).toEqual({
      name: 'network',
      view: 'trends',
      param: '1580',
      query: { area: 'strategy' },
    });
    expect(parseRoute('#/network/actions/1580')).toEqual({
      name: 'network',
      view: 'actions',
      param: '1580',
    });
  });

  it('drops keys it does not know, and an empty area', () => {
    expect(parseRoute('#/network/trends/1580?foo=1&area=')).toEqual({
      name: 'network',
      view: 'trends',
      param: '1580',
    });
  });

  it('writes the query into the address and reads it back the same', () => {
    const route: Route = {
      name: 'network',
      view: 'trends',
      param: '1580',
      query: { area: 'a b&c' },
    };
    expect(routeHref(route)).toBe('#/network/trends/1580?area=a+b%26c');
    expect(parseRoute(routeHref(route))).toEqual(route);
  });
});

describe('navigate', () => {
  it('adds a history entry, or with replace takes the place of the current one', () => {
    navigate({ name: 'results' });
    const before = history.length;
    navigate({ name: 'review' });
    expect(window.location.hash).toBe('#/review');
    expect(history.length).toBe(before + 1);
    navigate({ name: 'assessment', areaId: 'strategy' }, { replace: true });
    expect(window.location.hash).toBe('#/assessment/strategy');
    expect(history.length).toBe(before + 1);
    expect(currentRoute()).toEqual({ name: 'assessment', areaId: 'strategy' });
  });
});

describe('result links and invites', () => {
  it('reads a result link’s payload and an invite’s query, and writes them back', () => {
    expect(parseRoute('#/r/AbC-_9')).toEqual({ name: 'resultLink', payload: 'AbC-_9' });
    expect(parseRoute('#/invite?v=1&round=2')).toEqual({ name: 'invite', query: 'v=1&round=2' });
    expect(routeHref({ name: 'resultLink', payload: 'AbC-_9' })).toBe('#/r/AbC-_9');
    expect(routeHref({ name: 'invite', query: 'v=1&round=2' })).toBe('#/invite?v=1&round=2');
  });
});
