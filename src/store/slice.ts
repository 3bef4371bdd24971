import type { StoreApi } from 'zustand/vanilla';

/**
 * How each slice is made: from the store's set and get, typed by the slice's own state (so a
 * slice reads and writes only its own fields), and a clock that gives ISO timestamps.
 * createAppStore (app-store.ts) composes the slices into the one store.
 */
export type SliceCreator<S> = (
  set: StoreApi<S>['setState'],
  get: StoreApi<S>['getState'],
  now: () => string,
) => S;
