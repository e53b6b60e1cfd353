import { useRef, type KeyboardEvent } from 'react';
import { useSettings } from '../store/settings';
import { usePolicy } from '../store/policy';
import { goTo, useNavigation } from '../store/navigation';
import { useApprovals } from '../approvals/approvals-store';
import { Icon } from '../ui/icons';
import { headerOwner, sections, type ViewEntry } from './views';
import { MoreMenu } from './MoreMenu';

/**
 * The header: one row of icon buttons (their names appear on hover and focus) and a "More" menu.
 * One Tab stop; the arrow keys, Home and End move between the buttons, as in a toolbar.
 */
export function Navigation() {
  const current = headerOwner(useNavigation((state) => state.view));
  const settings = useSettings((state) => state.settings);
  const switchedOff = usePolicy((state) => state.status?.policy.disabledFeatures);
  const pending = useApprovals((state) => state.challenges.length);
  const nav = useRef<HTMLElement>(null);
  const available = sections(settings, switchedOff);
  const inHeader = available.filter((view) => view.place === 'header');
  const inMenu = available.filter((view) => view.place === 'more');
  // The one Tab stop is the lit button; the arrow keys reach the others.
  const lit = inHeader.findIndex((view) => view.id === current);
  const focusIndex = lit === -1 ? inHeader.length : lit;

  const buttons = () => Array.from(nav.current?.querySelectorAll<HTMLButtonElement>(':scope > .nav-item') ?? []);
  const onKeyDown = (event: KeyboardEvent) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at === -1) return;
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    all[(target + all.length) % all.length]?.focus();
  };

  return (
    <nav className="nav" aria-label="Sections" ref={nav} onKeyDown={onKeyDown}>
      {inHeader.map((view, index) => (
        <HeaderButton key={view.id} view={view} current={current === view.id} tabIndex={focusIndex === index ? 0 : -1} badge={view.id === 'approvals' ? pending : 0} />
      ))}
      <span className="nav-gap" />
      <MoreMenu entries={inMenu} current={current} tabIndex={focusIndex === inHeader.length ? 0 : -1} />
    </nav>
  );
}

function HeaderButton({ view, current, tabIndex, badge }: { view: ViewEntry; current: boolean; tabIndex: number; badge: number }) {
  const name = badge > 0 ? `${view.title}, ${badge} waiting` : view.title;
  return (
    <button type="button" className="nav-item" tabIndex={tabIndex} aria-label={view.title} aria-description={badge > 0 ? `${badge} waiting` : undefined} aria-current={current ? 'page' : undefined} onClick={() => goTo(view.id)} title={name}>
      <Icon name={view.icon} />
      {badge > 0 ? (
        <span className="nav-badge" aria-hidden="true">
          {badge}
        </span>
      ) : null}
      <span className="nav-tip" aria-hidden="true">
        {name}
      </span>
    </button>
  );
}
