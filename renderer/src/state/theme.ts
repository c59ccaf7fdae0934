import { create } from 'zustand';

export type Theme = 'light' | 'dark' | 'system';
const KEY = 'porting-desk.theme';

function apply(theme: Theme) {
  const dark =
    theme === 'dark' || (theme === 'system' && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

function initial(): Theme {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' || v === 'system' ? v : 'system';
}

interface ThemeState {
  theme: Theme;
  setTheme: (t: Theme) => void;
}

export const useTheme = create<ThemeState>((set) => ({
  theme: initial(),
  setTheme(theme) {
    localStorage.setItem(KEY, theme);
    apply(theme);
    set({ theme });
  },
}));

export function initTheme(): void {
  apply(useTheme.getState().theme);
  window
    .matchMedia?.('(prefers-color-scheme: dark)')
    .addEventListener('change', () => apply(useTheme.getState().theme));
}
