import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { goTo } from '../store/navigation';
import { Icon } from '../ui/icons';
import type { ViewEntry } from './views';

/**
 * The header's "More" button and its menu of the less frequent areas. Up and Down move within the
 * menu, Escape closes it and gives focus back to the button, a click elsewhere closes it.
 */
export function MoreMenu({ entries, current, tabIndex }: { entries: ViewEntry[]; current: string; tabIndex: number }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const lit = entries.some((entry) => entry.id === current);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    items[(target + items.length) % items.length]?.focus();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="nav-item"
        tabIndex={tabIndex}
        aria-label="More"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="more-menu"
        aria-current={lit ? 'page' : undefined}
        title="More"
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <Icon name="more" />
        <span className="nav-tip nav-tip-end" aria-hidden="true">
          More
        </span>
      </button>
      {open ? (
        <div ref={menu} id="more-menu" className="menu" role="menu" aria-label="More" onKeyDown={onMenuKey}>
          {entries.map((entry) => (
            <button
              key={entry.id}
              type="button"
              role="menuitem"
              className="menu-item"
              aria-current={current === entry.id ? 'page' : undefined}
              onClick={() => {
                setOpen(false);
                if (entry.opens) entry.opens();
                else goTo(entry.id);
              }}
            >
              <Icon name={entry.icon} />
              <span>{entry.title}</span>
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}
