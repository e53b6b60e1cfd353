import { randomBytes } from 'node:crypto';
import { appError } from '../../../shared/errors';
import { MAX_SCANNED_CODES } from '../../../shared/ipc/scan';
import { classifyCode } from './classify-codes';
import type { ScannedCode } from './scanned-code';

/** How long a scan waits for Save: long enough to scan every code of a transfer, short enough not to linger. */
export const SCAN_LIFETIME_MS = 10 * 60_000;
/** Open scans at once per core; a renderer opening more only pushes out its own oldest. */
const MAX_OPEN_SCANS = 16;

interface OpenScan {
  sender: string;
  codes: readonly ScannedCode[];
  expiresAt: number;
}

const GONE = 'This scan is no longer open (it was saved, cleared, or left for more than 10 minutes); scan the codes again.';

/**
 * The decoded QR texts of a scan in progress, held by main only: the renderer sends each text once,
 * gets a preview and a token, and keeps nothing else. Every token is used once: adding more codes or
 * saving spends it, and only the frame it was given to may spend it.
 */
export class ScanSessions {
  private readonly open = new Map<string, OpenScan>();

  constructor(
    private readonly now: () => number,
    private readonly newToken: () => string = () => randomBytes(18).toString('base64url'),
  ) {}

  /**
   * Classifies new texts once, after the codes of `previous`; a text seen before is kept once. `previous`
   * is spent only when the new scan is made, so a refused request leaves the scan as it was.
   */
  add(sender: string, texts: readonly string[], previous?: string): { token: string; codes: readonly ScannedCode[] } {
    const before = previous === undefined ? [] : this.find(sender, previous).codes;
    const seen = new Set(before.map((code) => code.text));
    const fresh: string[] = [];
    for (const text of texts) {
      if (seen.has(text)) continue;
      seen.add(text);
      fresh.push(text);
    }
    if (before.length + fresh.length > MAX_SCANNED_CODES) {
      throw appError('INVALID_INPUT', `One scan holds at most ${MAX_SCANNED_CODES} QR codes: save these accounts first, then scan the rest.`);
    }
    const codes = [...before, ...fresh.map((text) => classifyCode(text))];
    if (previous !== undefined) this.open.delete(previous);
    const token = this.newToken();
    this.open.set(token, { sender, codes, expiresAt: this.now() + SCAN_LIFETIME_MS });
    for (const oldest of [...this.open.keys()].slice(0, Math.max(0, this.open.size - MAX_OPEN_SCANS))) this.open.delete(oldest);
    return { token, codes };
  }

  /** The scan's codes, once: the token is spent whatever the caller does with them. */
  take(sender: string, token: string): readonly ScannedCode[] {
    const scan = this.find(sender, token);
    this.open.delete(token);
    return scan.codes;
  }

  /** Drops a scan the person cleared or left; an unknown token or another sender's is ignored. */
  discard(sender: string, token: string): void {
    if (this.open.get(token)?.sender === sender) this.open.delete(token);
  }

  private find(sender: string, token: string): OpenScan {
    this.forgetExpired();
    const scan = this.open.get(token);
    if (scan === undefined || scan.sender !== sender) throw appError('NOT_FOUND', GONE);
    return scan;
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [token, scan] of this.open) if (scan.expiresAt <= now) this.open.delete(token);
  }
}
