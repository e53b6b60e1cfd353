import { readFile } from 'node:fs/promises';
import { appError } from '../../../shared/errors';
import { requireStrongPassphrase } from '../../../shared/passphrase-strength';
import type { KeyStore } from '../keychain/key-store';
import { createKeytarStore } from '../keychain/keytar-store';
import { dataHome, type Env } from '../paths';
import { Vault, type KeySource } from './vault';

export interface OpenFromEnvOptions {
  /** The data folder; defaults to dataHome(env). */
  home?: string;
  env: Env;
  /** A file whose first line is the passphrase (--passphrase-file); wins over TRAYKEY_PASSPHRASE. */
  passphraseFile?: string;
  /** The keychain to use in keychain mode; defaults to the OS keychain through keytar. */
  keyStore?: KeyStore;
  now?: () => number;
}

async function passphraseFromFile(file: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw appError('INVALID_INPUT', `The passphrase file ${file} cannot be read (${code}); check the path given to --passphrase-file.`, { field: 'passphraseFile' });
  }
  // Only the line ending an editor or `echo` adds is dropped; other spaces may be part of the passphrase.
  return text.replace(/\r?\n$/, '');
}

/** Picks the key source: passphrase mode when a passphrase file or TRAYKEY_PASSPHRASE is given, else the OS keychain. */
export async function keySourceFromEnv(options: OpenFromEnvOptions): Promise<KeySource> {
  if (options.passphraseFile !== undefined) return { kind: 'passphrase', passphrase: await passphraseFromFile(options.passphraseFile) };
  const passphrase = options.env.TRAYKEY_PASSPHRASE;
  if (passphrase !== undefined && passphrase !== '') return { kind: 'passphrase', passphrase };
  return { kind: 'keychain', store: options.keyStore ?? createKeytarStore() };
}

/**
 * Opens (or creates) the vault the way the app and CLI both do. Without a passphrase the key lives in the
 * OS keychain; if that is unreachable the error is KEYCHAIN_UNAVAILABLE naming passphrase mode, never a
 * silent fallback to anything weaker.
 */
export async function openVaultFromEnv(options: OpenFromEnvOptions): Promise<Vault> {
  const keySource = await keySourceFromEnv(options);
  return Vault.open({ home: options.home ?? dataHome(options.env), keySource, vetNewPassphrase: (passphrase) => requireStrongPassphrase(passphrase, 'vault'), ...(options.now ? { now: options.now } : {}) });
}
