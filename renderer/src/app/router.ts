import { useSyncExternalStore } from 'react';

/**
 * A small hash router: the app has few screens and must work from app:// and localhost alike.
 * Routes are `#/segment/segment`; `useRoute()` returns the segments.
 */
function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

function snapshot(): string {
  return window.location.hash.replace(/^#\/?/, '');
}

export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, snapshot);
  return hash.split('?')[0]?.split('/').filter(Boolean).map(decodeURIComponent) ?? [];
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith('/') ? path : `/${path}`;
}

export function href(path: string): string {
  return `#${path.startsWith('/') ? path : `/${path}`}`;
}
