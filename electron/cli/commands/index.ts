import type { Command } from 'commander';
import type { CliContext } from '../context';

export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

/**
 * A top-level `traykey` command: the line `traykey --help` shows for it, and the module that defines it.
 * Modules are imported only when their command runs (or its own help is asked for), so a command
 * does not pay for the QR decoder, the admin engine or the push client it does not use.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CommandModule>;
}

/** Every `traykey` command, one line each; a new command adds its entry here. */
export const commands: readonly CommandEntry[] = [
  { name: 'add', summary: 'add an account from an otpauth:// link or a Google Authenticator export', load: () => import('./add') },
  { name: 'list', summary: 'list accounts (never their secrets)', load: () => import('./list') },
  { name: 'code', summary: 'print the current code of one account', load: () => import('./code') },
  { name: 'copy', summary: 'copy the current code of one account to the clipboard, cleared after a delay', load: () => import('./copy') },
  { name: 'codes', summary: 'print the current codes of all accounts (--filter, --json)', load: () => import('./codes') },
  { name: 'rename', summary: 'change the issuer or name of one account', load: () => import('./rename') },
  { name: 'remove', summary: 'delete one account', load: () => import('./remove') },
  { name: 'scan', summary: 'show the accounts in QR codes of images (nothing is saved)', load: () => import('./scan') },
  { name: 'import', summary: 'add the accounts in QR codes of images', load: () => import('./import') },
  { name: 'backup', summary: 'export an encrypted backup, or import a backup or another app\'s export', load: () => import('./backup') },
  { name: 'export', summary: 'write every account in clear for another app (otpauth:// list or Aegis file)', load: () => import('./export') },
  { name: 'qr', summary: 'show one account as a QR code (reveals its secret)', load: () => import('./qr') },
  { name: 'transfer', summary: 'write accounts as Google Authenticator transfer QR codes', load: () => import('./transfer') },
  { name: 'admin', summary: 'Okta and Auth0 test orgs: connections and test users', load: () => import('./admin') },
  { name: 'confirm', summary: 'ask an Okta user to confirm a request (CIBA)', load: () => import('./confirm') },
  { name: 'signin', summary: 'sign in to Okta or Auth0 with a factor from the vault', load: () => import('./signin') },
  { name: 'push', summary: 'approve sign-in requests on this computer (Okta custom authenticator)', load: () => import('./push') },
  { name: 'policy', summary: 'show the settings your organisation manages', load: () => import('./policy') },
  { name: 'vault', summary: 'look after the vault file and its backup copy', load: () => import('./vault') },
  { name: 'sync', summary: 'sync accounts between your computers through a folder you already sync, end-to-end encrypted', load: () => import('./sync') },
];
