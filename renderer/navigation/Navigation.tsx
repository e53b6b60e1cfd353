import { useSettings } from '../store/settings';
import { usePolicy } from '../store/policy';
import { goTo, useNavigation } from '../store/navigation';
import { views } from './views';

export function Navigation() {
  const current = useNavigation((state) => state.view);
  const settings = useSettings((state) => state.settings);
  const switchedOff = usePolicy((state) => state.status?.policy.disabledFeatures);
  return (
    <nav className="nav" aria-label="Sections">
      {views
        .filter((view) => (view.available?.(settings) ?? true) && !(view.feature && switchedOff?.includes(view.feature)))
        .map((view) => (
          <button key={view.id} type="button" className="nav-item" aria-current={current === view.id ? 'page' : undefined} onClick={() => goTo(view.id)}>
            {view.title}
          </button>
        ))}
    </nav>
  );
}
