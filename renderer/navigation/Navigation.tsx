import { useSettings } from '../store/settings';
import { goTo, useNavigation } from '../store/navigation';
import { views } from './views';

export function Navigation() {
  const current = useNavigation((state) => state.view);
  const settings = useSettings((state) => state.settings);
  return (
    <nav className="nav" aria-label="Sections">
      {views
        .filter((view) => view.available?.(settings) ?? true)
        .map((view) => (
          <button key={view.id} type="button" className="nav-item" aria-current={current === view.id ? 'page' : undefined} onClick={() => goTo(view.id)}>
            {view.title}
          </button>
        ))}
    </nav>
  );
}
