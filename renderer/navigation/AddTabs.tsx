import type { KeyboardEvent } from 'react';
import { goTo, useNavigation } from '../store/navigation';
import { Icon } from '../ui/icons';
import type { IconName } from '../ui/icons';

const TABS: { id: string; title: string; icon: IconName }[] = [
  { id: 'add', title: 'Link or key', icon: 'link' },
  { id: 'scan', title: 'Scan', icon: 'qr' },
];

/** Add is one place for every way in: a setup link or a key typed in, or a QR code scanned from the screen or a file. */
export function AddTabs() {
  const current = useNavigation((state) => state.view);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.findIndex((tab) => tab.id === current);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(at + step + TABS.length) % TABS.length];
    if (next) goTo(next.id);
  };
  return (
    <div className="tabs" role="tablist" aria-label="Ways to add an account" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button key={tab.id} type="button" role="tab" className="tab" aria-selected={current === tab.id} tabIndex={current === tab.id ? 0 : -1} onClick={() => goTo(tab.id)}>
          <Icon name={tab.icon} />
          <span>{tab.title}</span>
        </button>
      ))}
    </div>
  );
}
