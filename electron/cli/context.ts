import type { AccountsService } from '../core/accounts/accounts-service';
import type { Clipboard, Timers } from '../core/capabilities';
import { dataHome, type Env } from '../core/paths';
import type { PolicyService } from '../core/policy/policy-service';
import type { PolicySource } from '../core/policy/policy-source';
import type { Vault } from '../core/vault/vault';

/** Where the CLI writes and what it reads from its environment; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Env;
  /** All of standard input (tokens piped to `traykey admin connect`); default: the process's stdin. */
  stdin?: () => Promise<string>;
  /** Ends long waits (polling an identity provider) as Ctrl-C does; default: the process's SIGINT. */
  signal?: AbortSignal;
}

export interface VaultOpener {
  (options: { home: string; env: Env; passphraseFile?: string }): Promise<Vault>;
}

export interface CliDeps {
  /** Epoch ms (default Date.now). */
  now?: () => number;
  /** Pauses between polls of an identity provider (default: real, cancellable timers). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Opens the vault (default: keychain, or passphrase mode from TRAYKEY_PASSPHRASE / --passphrase-file). */
  openVault?: VaultOpener;
  /** Where the organisation's policy is read from (default: this OS's managed location). */
  policySources?: () => Promise<PolicySource[]>;
  /** The clipboard `traykey copy` writes (default: the OS's clipboard programs; undefined when there are none). */
  clipboard?: () => Clipboard | undefined;
  /** Hands a copied code to a helper that clears it later (default: a detached `traykey copy --clear-watch` process). */
  clearClipboardLater?: (query: string, text: string, seconds: number) => void;
  /** Timers of that helper's wait (default: real ones). */
  timers?: Timers;
}

/** What each command gets: output, the clock, and the vault's accounts for the length of one action. */
export interface CliContext {
  io: CliIo;
  now: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Global options, filled in before a command's action runs. */
  options: { passphraseFile?: string };
  /** The vault's accounts, composed as the app composes them (edits stamped for sync), and the vault itself. */
  withAccounts<T>(run: (accounts: AccountsService, vault: Vault) => Promise<T>): Promise<T>;
  /** The open vault itself, for sections other than the accounts (admin connections and run records). */
  withVault<T>(run: (vault: Vault) => Promise<T>): Promise<T>;
  /** The organisation's policy, read once on first use (only commands it governs read it). */
  policy(): Promise<PolicyService>;
  /** Stand-ins tests give for the clipboard and its helper process. */
  clipboardDeps: Pick<CliDeps, 'clipboard' | 'clearClipboardLater' | 'timers'>;
}

export function createCliContext(io: CliIo, deps: CliDeps = {}): CliContext {
  const now = deps.now ?? Date.now;
  // The vault, the accounts and the policy are loaded by the first command that needs them, not at start-up.
  const open: VaultOpener = deps.openVault ?? (async (options) => (await import('../core/vault/open-from-env')).openVaultFromEnv(options));
  const sources = deps.policySources ?? (async () => (await import('../core/policy/platform-policy-sources')).platformPolicySources());
  let policy: Promise<PolicyService> | undefined;
  const context: CliContext = {
    io,
    now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    options: {},
    clipboardDeps: deps,
    async withAccounts(run) {
      const { syncedAccounts } = await import('../core/accounts/synced-accounts');
      return context.withVault((vault) => run(syncedAccounts(vault, { now }), vault));
    },
    async withVault(run) {
      const passphraseFile = context.options.passphraseFile;
      const vault = await open({ home: dataHome(io.env), env: io.env, ...(passphraseFile !== undefined ? { passphraseFile } : {}) });
      if (vault.warning) io.stderr(`${vault.warning}\n`);
      try {
        return await run(vault);
      } finally {
        for (const notice of vault.takeNotices()) io.stderr(`${notice}\n`);
        vault.close();
      }
    },
    policy() {
      policy ??= sources().then(async (list) => {
        const { PolicyService } = await import('../core/policy/policy-service');
        const service = new PolicyService(list);
        await service.reload();
        return service;
      });
      return policy;
    },
  };
  return context;
}
