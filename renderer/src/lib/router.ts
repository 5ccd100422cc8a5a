import { useEffect, useState } from 'react';

/**
 * Hash routes, so the same build works from http://127.0.0.1:PORT/ and from app://desk/ without server rewrites.
 */
export type Route =
  | { name: 'queue' }
  | { name: 'intake' }
  | { name: 'import' }
  | { name: 'outbox' }
  | { name: 'register' }
  | { name: 'dashboard' }
  | { name: 'postal'; tab?: string }
  | { name: 'dossier'; id: number }
  | { name: 'settings'; tab?: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/intake') return { name: 'intake' };
  if (path === '/import') return { name: 'import' };
  if (path === '/outbox') return { name: 'outbox' };
  if (path === '/register') return { name: 'register' };
  if (path === '/dashboard') return { name: 'dashboard' };
  const postal = /^\/postal(?:\/([a-z]+))?$/.exec(path);
  if (postal) return postal[1] ? { name: 'postal', tab: postal[1] } : { name: 'postal' };
  const settings = /^\/settings(?:\/([a-z]+))?$/.exec(path);
  if (settings) return settings[1] ? { name: 'settings', tab: settings[1] } : { name: 'settings' };
  const m = /^\/dossiers\/(\d+)$/.exec(path);
  if (m?.[1]) return { name: 'dossier', id: Number(m[1]) };
  return { name: 'queue' };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'intake':
      return '#/intake';
    case 'import':
      return '#/import';
    case 'outbox':
      return '#/outbox';
    case 'register':
      return '#/register';
    case 'dashboard':
      return '#/dashboard';
    case 'postal':
      return route.tab ? `#/postal/${route.tab}` : '#/postal';
    case 'settings':
      return route.tab ? `#/settings/${route.tab}` : '#/settings';
    case 'dossier':
      return `#/dossiers/${route.id}`;
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  const next = routePath(route);
  if (window.location.hash !== next) window.location.hash = next;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
