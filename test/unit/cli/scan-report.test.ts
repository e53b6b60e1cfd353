import { describe, expect, it } from 'vitest';
import { scanJson, scanText } from '../../../electron/cli/scan-report';
import { classifyCode } from '../../../electron/core/qr';
import { PAIRING_WORDS } from '../../../electron/core/sync/pairing/words';

const words = PAIRING_WORDS.slice(3, 9);
const pairing = `traykey-sync:${words.join('-')}`;
const scanned = [{ file: 'pairing.png', codes: [classifyCode(pairing), classifyCode('https://example.com/help')], ms: 12.34 }];

describe('traykey scan report', () => {
  it('names a sync pairing code and what to do with it, without printing its one-use words', () => {
    const text = scanText(scanned);
    expect(text).toContain('a sync pairing code from another computer: run traykey sync join --folder DIR and type its six words');
    expect(text).toContain('https://example.com/help');
    for (const word of words) expect(text).not.toContain(word);
    expect(scanJson(scanned)[0]?.codes).toEqual(['https://example.com/help']);
  });

  it('prints the pairing code itself only when asked to reveal', () => {
    expect(scanText(scanned, { reveal: true })).toContain(pairing);
    expect(scanJson(scanned, { reveal: true })[0]?.codes).toEqual([pairing, 'https://example.com/help']);
  });
});
