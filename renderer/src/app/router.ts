import { useEffect, useSyncExternalStore } from 'react';

/**
 * A small hash router: the app has few screens and must work from app:// and localhost alike.
 * Routes are `#/segment/segment`; `useRoute()` returns the segments. A link may add
 * `?focus=<element id>` to land on one part of a page (see useFocusFromRoute).
 */
function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

function snapshot(): string {
  return window.location.hash.replace(/^#\/?/, '');
}

/**
 * The segments of a route. A segment that is not valid percent-encoding (`%E0`, typed or pasted)
 * is kept as it stands instead of throwing: the shell reads the route outside the ErrorBoundary,
 * so a throw here would blank the whole window; an unknown segment just finds no page.
 */
export function routeSegments(hash: string): string[] {
  return (hash.split('?')[0] ?? '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

export function useRoute(): string[] {
  return routeSegments(useSyncExternalStore(subscribe, snapshot));
}

/** The whole route, `?focus=` included: changes whenever the address does (the ErrorBoundary's reset key). */
export function useRouteKey(): string {
  return useSyncExternalStore(subscribe, snapshot);
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith('/') ? path : `/${path}`;
}

export function href(path: string): string {
  return `#${path.startsWith('/') ? path : `/${path}`}`;
}

/** `?focus=` ids are plain element ids the app itself writes; anything else is ignored. */
const FOCUS_ID = /^[a-z][a-z0-9-]{0,60}$/;

export function focusTargetOf(hash: string): string | undefined {
  const id = new URLSearchParams(hash.split('?')[1] ?? '').get('focus') ?? '';
  return FOCUS_ID.test(id) ? id : undefined;
}

/**
 * Land on the part of a page a link asked for (`?focus=<id>`): as soon as the element is there
 * (sections render when their data has been read), scroll to it and move keyboard focus to it,
 * so a screen reader and a keyboard user arrive where a mouse user's eyes would.
 */
export function useFocusFromRoute(): void {
  const hash = useSyncExternalStore(subscribe, snapshot);
  useEffect(() => {
    const id = focusTargetOf(hash);
    if (!id) return undefined;
    const land = (): boolean => {
      const el = document.getElementById(id);
      if (!el) return false;
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
      return true;
    };
    if (land()) return undefined;
    const observer = new MutationObserver(() => {
      if (land()) observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [hash]);
}
