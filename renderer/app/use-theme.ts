import { useEffect } from 'react';
import { useSettings } from '../store/settings';

/** "system" leaves the choice to prefers-color-scheme; light or dark pins it (see base.css). */
export function useTheme(): void {
  const theme = useSettings((state) => state.settings?.theme ?? 'system');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
