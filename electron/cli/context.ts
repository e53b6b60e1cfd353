import type { AccountsService } from '../core/accounts/accounts-service';
import type { Clipboard, Timers } from '../core/capabilities';
import type { Services } from '../core/compose-services';
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
  /** What the CLI schedules with: that helper's wait, and the services' timers once a command starts one (default: real ones). */
  timers?: Timers;
}

/** What each command gets: output, the clock, and the vault's accounts for the length of one action. */
export interface CliContext {
  io: CliIo;
  now: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Global options, filled in before a command's action runs. */
  options: { passphraseFile?: string };
  /**
   * The vault's accounts, built by the composition's own recipe (syncedAccounts: edits stamped for sync),
   * and the vault itself; without loading the other services, so reading a code stays quick.
   */
  withAccounts<T>(run: (accounts: AccountsService, vault: Vault) => Promise<T>): Promise<T>;
  /**
   * The app's services (electron/core/compose-services.ts) over the open vault, for one action, with the
   * organisation's policy when the command is one it governs; none is started, so a command starts
   * what it needs itself (push's watch).
   */
  withServices<T>(run: (services: Services) => Promise<T>): Promise<T>;
  /** The open vault itself, for what no service covers: the vault file's own copies, a sign-in's recovery code. */
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
    async withServices(run) {
      // Only the commands the policy governs have read it (the gate, before the action); the others start without it.
      const [{ composeServices }, { cliSyncWording }, read] = await Promise.all([import('../core/compose-services'), import('../core/sync/sync-wording'), policy]);
      return context.withVault(async (vault) => {
        const services = composeServices({
          vault,
          home: dataHome(io.env),
          now,
          ...(read ? { policy: read } : {}),
          push: { now },
          sync: { wording: cliSyncWording, ...(deps.sleep ? { sleep: deps.sleep } : {}) },
          ...(deps.timers ? { timers: deps.timers } : {}),
        });
        try {
          return await run(services);
        } finally {
          services.push.stop();
        }
      });
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
      policy ??= sources().then(async (list) => (await import('../core/policy/policy-service')).readPolicy(list));
      return policy;
    },
  };
  return context;
}
