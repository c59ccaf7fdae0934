// Hash routes keep the app a static bundle (file:// in Electron, one page on the host) while
// still giving reload-safe addresses for each screen.
import { create } from 'zustand';

export type Route =
  | { name: 'home' }
  | { name: 'list' }
  | { name: 'new'; fromJob?: string }
  | { name: 'import' }
  | { name: 'case'; id: number; tab: string }
  | { name: 'settings' };

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const [path = '', query = ''] = h.split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  if (parts[0] === 'cases' && parts[1] === 'new') {
    const fromJob = params.get('fromJob');
    return fromJob ? { name: 'new', fromJob } : { name: 'new' };
  }
  if (parts[0] === 'cases' && parts[1] === 'import') return { name: 'import' };
  if (parts[0] === 'cases' && parts[1] && /^\d+$/.test(parts[1]))
    return { name: 'case', id: Number(parts[1]), tab: parts[2] ?? 'details' };
  if (parts[0] === 'cases') return { name: 'list' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'list':
      return '#/cases';
    case 'new':
      return route.fromJob ? `#/cases/new?fromJob=${encodeURIComponent(route.fromJob)}` : '#/cases/new';
    case 'import':
      return '#/cases/import';
    case 'case':
      return route.tab && route.tab !== 'details'
        ? `#/cases/${route.id}/${route.tab}`
        : `#/cases/${route.id}`;
    case 'settings':
      return '#/settings';
  }
}

/** Screens with unsaved work register a guard; navigation asks before leaving them. */
type Guard = () => boolean;

interface RouterState {
  route: Route;
  guard: Guard | null;
  setGuard: (g: Guard | null) => void;
  go: (route: Route) => void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parseHash(window.location.hash),
  guard: null,
  setGuard: (guard) => set({ guard }),
  go: (route) => {
    const href = hrefFor(route);
    if (window.location.hash === href || (href === '#/' && window.location.hash === '')) {
      set({ route });
      return;
    }
    window.location.hash = href;
  },
}));

let lastHash = window.location.hash;
window.addEventListener('hashchange', () => {
  const { guard, route } = useRouter.getState();
  const next = parseHash(window.location.hash);
  // Moving between the tabs of one case keeps its form mounted, so nothing is at risk.
  const sameCase = route.name === 'case' && next.name === 'case' && route.id === next.id;
  if (guard && !sameCase && !guard()) {
    // Put the old address back without triggering another round of the guard.
    const back = lastHash;
    lastHash = back;
    history.replaceState(null, '', back || '#/');
    return;
  }
  lastHash = window.location.hash;
  useRouter.setState({ route: next });
});

export const go = (route: Route): void => useRouter.getState().go(route);
