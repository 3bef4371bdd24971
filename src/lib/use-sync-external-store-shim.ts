/**
 * What `use-sync-external-store/shim` gives on React 18 and later: React's own hook. react-i18next
 * imports the shim to support React 17; vite.config.ts points that import here, so the first
 * screen does not carry the shim's fallback for a React this app does not use.
 */
export { useSyncExternalStore } from 'react';
