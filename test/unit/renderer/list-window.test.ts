import { describe, expect, it } from 'vitest';
import { listWindow, OVERSCAN_ROWS } from '../../../renderer/accounts/list-window';
import { reuseUnchanged } from '../../../renderer/store/reuse-unchanged';

const popup = { scrollTop: 0, viewHeight: 460, listTop: 40, rowPitch: 60 };

describe('which rows of the account list are in the page', () => {
  it('renders every row of a short list, with no space standing in for others', () => {
    expect(listWindow(10, popup)).toEqual({ start: 0, end: 10, before: 0, after: 0 });
  });

  it('renders the rows in view and a margin below them at the top of a long list; padding stands for the rest', () => {
    const shown = listWindow(500, popup);
    expect(shown.start).toBe(0);
    expect(shown.end).toBe(Math.ceil((460 - 40) / 60) + OVERSCAN_ROWS);
    expect(shown.after).toBe((500 - shown.end) * 60);
  });

  it('follows the scroll: the rows in view with a margin each side, and the whole list’s height kept', () => {
    const shown = listWindow(500, { ...popup, scrollTop: 40 + 100 * 60 });
    expect(shown.start).toBe(100 - OVERSCAN_ROWS);
    expect(shown.end).toBe(100 + Math.ceil(460 / 60) + OVERSCAN_ROWS);
    expect(shown.before + (shown.end - shown.start) * 60 + shown.after).toBe(500 * 60);
  });

  it('keeps a row that must stay (the focused one, the dragged one) however far the view has scrolled', () => {
    const shown = listWindow(500, { ...popup, scrollTop: 40 + 300 * 60 }, [5]);
    expect(shown.start).toBe(5);
    expect(shown.end).toBeGreaterThan(300);
    expect(listWindow(500, popup, [-1, 900])).toEqual(listWindow(500, popup));
  });

  it('renders nothing but padding past the end of a list that shrank under the scroll position', () => {
    const shown = listWindow(3, { ...popup, scrollTop: 40 + 100 * 60 });
    expect(shown).toEqual({ start: 3, end: 3, before: 180, after: 0 });
  });
});

describe('a reloaded account list', () => {
  const account = (id: string, label: string) => ({ id, issuer: 'Example', label, type: 'totp' as const, algorithm: 'SHA1' as const, digits: 6, period: 30, tags: [] });

  it('keeps the objects of unchanged accounts, so their rows do not re-render, and the list itself when nothing changed', () => {
    const current = [account('a', 'alice'), account('b', 'bob')];
    expect(reuseUnchanged(current, [account('a', 'alice'), account('b', 'bob')])).toBe(current);
    const renamed = reuseUnchanged(current, [account('a', 'alice'), account('b', 'robert')]);
    expect(renamed[0]).toBe(current[0]);
    expect(renamed[1]).toEqual(account('b', 'robert'));
    const reordered = reuseUnchanged(current, [account('b', 'bob'), account('a', 'alice')]);
    expect(reordered).toEqual([current[1], current[0]]);
    expect(reordered[0]).toBe(current[1]);
  });
});
