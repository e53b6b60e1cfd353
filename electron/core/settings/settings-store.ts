import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { settingsSchema, type Settings } from '../../../shared/ipc/settings';
import { appError } from '../../../shared/errors';
import { DEFAULT_SHORTCUT } from '../../../shared/shortcut/accelerator';
import type { ManagedPolicy } from '../../../shared/policy/policy-schema';
import { settingsChangeRefusal, settingsUnderPolicy } from './policy-limits';

export const SETTINGS_FILE = 'settings.json';

export const DEFAULT_SETTINGS: Settings = {
  clipboardClearSeconds: 30,
  theme: 'system',
  adminArea: false,
  lockAfterMinutes: 5,
  timeSourceUrl: 'https://www.cloudflare.com/',
  nextCodePreview: true,
  favourites: [],
  accountIcons: {},
  updateChecks: true,
  updateChannel: 'latest',
  shortcut: DEFAULT_SHORTCUT,
};

/**
 * The user's preferences, in settings.json beside the vault. Never secrets: only the fields of the
 * settings schema are ever written. A missing or unreadable file means the defaults.
 */
export class SettingsStore {
  private current: Settings | undefined;
  readonly path: string;

  /** `policy` gives the organisation's limits in force (none when absent); the person's own choices are kept under them. */
  constructor(
    private readonly home: string,
    private readonly policy: () => ManagedPolicy = () => ({}),
  ) {
    this.path = join(home, SETTINGS_FILE);
  }

  /** The settings in force: the person's choices within the organisation's limits. */
  async get(): Promise<Settings> {
    return settingsUnderPolicy(await this.stored(), this.policy());
  }

  async set(change: Partial<Settings>): Promise<Settings> {
    const refusal = settingsChangeRefusal(change, this.policy());
    if (refusal) throw refusal;
    const next = settingsSchema.safeParse({ ...(await this.stored()), ...change });
    if (!next.success) {
      const field = next.error.issues[0]?.path.map(String).join('.') || 'settings';
      throw appError('INVALID_INPUT', `The setting ${field} has a value Traykey does not accept.`, { field });
    }
    await this.save(next.data);
    this.current = next.data;
    return this.get();
  }

  private async stored(): Promise<Settings> {
    this.current ??= await this.load();
    return { ...this.current };
  }

  private async load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    // Each field is checked alone, so one bad value (a hand edit) does not reset the others.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    if (typeof stored === 'object' && stored !== null) {
      for (const [key, schema] of Object.entries(settingsSchema.shape)) {
        const value = (stored as Record<string, unknown>)[key];
        if (schema.safeParse(value).success) merged[key] = value;
      }
    }
    return settingsSchema.parse(merged);
  }

  private async save(settings: Settings): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(this.home, { recursive: true, mode: 0o700 });
      await writeFile(temporary, `${JSON.stringify(settingsSchema.parse(settings), null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw appError('VAULT_IO', `Traykey could not save its settings to ${this.path} (${code}); check that the folder is writable.`);
    }
  }
}
