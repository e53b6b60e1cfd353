import { Option, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import { normalizeOrgUrl } from '../../core/admin/connection';
import { defaultSleep } from '../../core/idp/http/sleep';
import { signInAuth0, type Auth0FactorChoice } from '../../core/signin/auth0-signin';
import { signInOkta, type FactorChoice } from '../../core/signin/okta-signin';
import { totpAccountsFor } from '../../core/signin/vault-totp';
import type { AccountsService } from '../../core/accounts/accounts-service';
import { keepRecoveryCode, recoveryCodeOf } from '../../core/accounts/recovery-code';
import type { AccountSummary } from '../../../shared/accounts';
import { markSpent, nextUnspentStep, spentStepOf } from '../../core/otp/spent-steps';
import type { CliContext } from '../context';
import { readStdin } from './admin-stdin';
import { withInterrupt } from './interrupt';

interface CommonOptions {
  user: string;
  account?: string;
  json?: boolean;
  revealTokens?: boolean;
}

const ENDINGS: Record<'REJECTED' | 'TIMEOUT' | 'CANCELLED', string> = {
  REJECTED: 'The push was rejected on the phone; not signed in.',
  TIMEOUT: 'Nobody answered on the phone in time; not signed in.',
  CANCELLED: 'Cancelled; the sign-in was abandoned and nothing was approved.',
};

/** `traykey signin okta|auth0`: the classic sign-in flows, with the second factor from the vault or a phone. */
export function register(program: Command, ctx: CliContext): void {
  const signin = program.command('signin').description('Sign a user in (password on standard input), with the second factor from the vault or their phone.');
  signin
    .command('okta')
    .description('Okta Authentication API sign-in: TOTP from the vault, else Okta Verify push; enrols Okta Verify when Okta asks.')
    .requiredOption('--org <URL>', 'the Okta org, e.g. https://example.okta.com')
    .requiredOption('--user <LOGIN>', "the user's Okta login")
    .addOption(new Option('--factor <FACTOR>', 'which second factor to use').choices(['auto', 'totp', 'push']).default('auto'))
    .option('--account <QUERY>', 'the vault account holding the TOTP secret (default: label = login, issuer = the org)')
    .option('--json', 'print {"result","login","method","sessionExpiresAt"}')
    .option('--reveal-tokens', 'with --json, also print the session id and the one-time session token it was made from')
    .action(async (options: CommonOptions & { org: string; factor: FactorChoice }) => {
      requireJsonForTokens(options);
      const orgUrl = normalizeOrgUrl(options.org);
      const password = firstLine(await readStdin(ctx.io));
      const outcome = await withInterrupt(ctx.io, (signal) =>
        signInOkta(
          { orgUrl, login: options.user, password, factor: options.factor },
          {
            now: ctx.now,
            sleep: ctx.sleep ?? defaultSleep,
            signal,
            vaultTotp: (at) => vaultCode(ctx, options, orgUrl, at, signal),
            onActivationQr: (qr) => ctx.io.stderr(`Scan this code with Okta Verify on ${options.user}'s phone to enrol it:\n${qr.terminalText}\n`),
            onCountdown: countdownPrinter(ctx, (what: 'push' | 'activation') => (what === 'push' ? 'Approve the sign-in in Okta Verify' : 'Finish the enrolment in Okta Verify')),
          },
        ),
      );
      if (outcome.result !== 'SIGNED_IN') return fail(ctx, options, outcome.result);
      const until = outcome.sessionExpiresAt ? `; the session is active until ${outcome.sessionExpiresAt}` : '';
      const session = options.revealTokens ? { sessionId: outcome.sessionId, sessionToken: outcome.sessionToken } : {};
      ctx.io.stdout(options.json ? `${JSON.stringify({ result: 'signed-in', login: outcome.login, method: outcome.method, sessionExpiresAt: outcome.sessionExpiresAt ?? null, ...session })}\n` : `Signed in as ${outcome.login} (${METHOD_NAMES[outcome.method]})${until}.\n`);
    });

  signin
    .command('auth0')
    .description('Auth0 password grant, then OTP from the vault, a Guardian push, or a recovery code; client secret from AUTH0_CLIENT_SECRET when the app has one.')
    .requiredOption('--domain <URL>', 'the tenant, e.g. https://example.eu.auth0.com')
    .requiredOption('--client-id <ID>', "the application's client ID")
    .requiredOption('--user <LOGIN>', 'the username or email')
    .option('--realm <CONNECTION>', 'the database connection (password-realm grant)')
    .addOption(new Option('--factor <FACTOR>', 'which second factor to use').choices(['auto', 'otp', 'push']).default('auto'))
    .option('--recovery-code', 'use a recovery code: give it on the line after the password')
    .option('--use-recovery-code', 'use the recovery code kept in the vault with the account, and keep the new one Auth0 returns')
    .option('--account <QUERY>', 'the vault account holding the OTP secret (default: label = login, issuer = the tenant)')
    .option('--json', 'print {"result","method","newRecoveryCode"?}')
    .option('--reveal-tokens', 'with --json, also print the tokens Auth0 issued (access, id, refresh)')
    .action(async (options: CommonOptions & { domain: string; clientId: string; realm?: string; factor: Auth0FactorChoice; recoveryCode?: boolean; useRecoveryCode?: boolean }) => {
      requireJsonForTokens(options);
      const domainUrl = normalizeOrgUrl(options.domain);
      const [password = '', typedCode] = (await readStdin(ctx.io)).split(/\r?\n/);
      if (options.recoveryCode && !typedCode?.trim()) throw appError('INVALID_INPUT', 'Give the recovery code on the line after the password.', { field: 'recoveryCode' });
      const kept = options.useRecoveryCode ? await keptRecoveryCode(ctx, options, domainUrl) : undefined;
      const recoveryCode = kept?.code ?? (options.recoveryCode ? typedCode?.trim() : undefined);
      const clientSecret = ctx.io.env.AUTH0_CLIENT_SECRET;
      const guardianCountdown = countdownPrinter(ctx, () => 'Approve the sign-in in Auth0 Guardian');
      const outcome = await withInterrupt(ctx.io, (signal) =>
        signInAuth0(
          {
            domainUrl,
            clientId: options.clientId,
            ...(clientSecret ? { clientSecret } : {}),
            login: options.user,
            password,
            ...(options.realm ? { realm: options.realm } : {}),
            factor: options.factor,
            ...(recoveryCode ? { recoveryCode } : {}),
          },
          {
            now: ctx.now,
            sleep: ctx.sleep ?? defaultSleep,
            signal,
            vaultTotp: (at) => vaultCode(ctx, options, domainUrl, at, signal),
            onCountdown: (leftMs) => guardianCountdown(leftMs, undefined),
          },
        ),
      );
      if (outcome.result !== 'SIGNED_IN') return fail(ctx, options, outcome.result);
      const { newRecoveryCode } = outcome;
      if (kept && newRecoveryCode) await ctx.withVault((vault) => vault.update((doc) => keepRecoveryCode(doc, kept.accountId, newRecoveryCode)));
      // A new code the vault did not keep is shown once, on purpose: the old one is spent.
      const shown = newRecoveryCode && !kept ? newRecoveryCode : undefined;
      if (options.json) {
        ctx.io.stdout(`${JSON.stringify({ result: 'signed-in', method: outcome.method, ...(shown ? { newRecoveryCode: shown } : {}), ...(kept && newRecoveryCode ? { newRecoveryCodeKept: true } : {}), ...(options.revealTokens ? { tokens: outcome.tokens } : {}) })}\n`);
        return;
      }
      ctx.io.stdout(`Signed in as ${options.user} (${METHOD_NAMES[outcome.method]}).\n`);
      if (shown) ctx.io.stdout(`Auth0 replaced the recovery code; keep the new one somewhere safe: ${shown}\n`);
      if (kept && newRecoveryCode) ctx.io.stdout('Auth0 replaced the recovery code; the new one is kept in the vault with the account.\n');
    });
}

const METHOD_NAMES: Record<string, string> = {
  password: 'password only',
  totp: 'TOTP from the vault',
  otp: 'one-time code from the vault',
  push: 'push approved on the phone',
  'push-enrolled': 'Okta Verify enrolled and activated',
  'recovery-code': 'recovery code',
};

/** Tokens go only into the one JSON answer a script reads, never into text meant for a terminal. */
function requireJsonForTokens(options: CommonOptions): void {
  if (options.revealTokens && !options.json) throw appError('INVALID_INPUT', '--reveal-tokens prints the tokens in the JSON answer: add --json.', { field: 'revealTokens' });
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

/** The one vault account for this login at this org (or the one --account names), if any. */
function vaultAccountFor(accounts: AccountsService, options: CommonOptions, orgUrl: string): AccountSummary | undefined {
  const matches = options.account !== undefined ? accounts.query(options.account).filter((a) => a.type === 'totp') : totpAccountsFor(accounts, options.user, orgUrl);
  if (matches.length > 1) throw appError('AMBIGUOUS', `The vault holds ${matches.length} code accounts for ${options.user} at this org: name one with --account.`);
  return matches[0];
}

async function keptRecoveryCode(ctx: CliContext, options: CommonOptions, orgUrl: string): Promise<{ accountId: string; code: string }> {
  const found = await ctx.withAccounts(async (accounts, vault) => {
    const account = vaultAccountFor(accounts, options, orgUrl);
    const code = account ? recoveryCodeOf(vault.read(), account.id) : undefined;
    return account && code ? { accountId: account.id, code } : undefined;
  });
  if (!found) throw appError('NOT_FOUND', `The vault keeps no recovery code for ${options.user} at this tenant: give one with --recovery-code.`, { field: 'recoveryCode' });
  return found;
}

/**
 * The vault account's next unused code for this login (or the one --account names), recorded as spent.
 * When Traykey already used the current code (an enrolment, a sign-in moments ago), it waits for the
 * next time step, counting down, since the org would refuse the same code twice.
 */
async function vaultCode(ctx: CliContext, options: CommonOptions, orgUrl: string, at: number, signal: AbortSignal): Promise<string | undefined> {
  const found = await ctx.withAccounts(async (accounts, vault) => {
    const only = vaultAccountFor(accounts, options, orgUrl);
    if (!only) return undefined;
    const next = nextUnspentStep(at, only.period, spentStepOf(vault.read(), only.id));
    await vault.update((doc) => markSpent(doc, only.id, next.step));
    return { code: accounts.currentCode(only.id, next.usableFrom).code, waitMs: next.waitMs };
  });
  if (found && found.waitMs > 0) await waitForNextCode(ctx, found.waitMs, signal);
  return found?.code;
}

const COUNTDOWN_EVERY_MS = 10_000;

async function waitForNextCode(ctx: CliContext, waitMs: number, signal: AbortSignal): Promise<void> {
  const sleep = ctx.sleep ?? defaultSleep;
  let left = waitMs;
  ctx.io.stderr(`The current code was already used (each code works once); the next one is usable in ${Math.ceil(left / 1000)} s (Ctrl-C cancels).\n`);
  while (left > 0) {
    const step = Math.min(left, COUNTDOWN_EVERY_MS);
    await sleep(step, signal);
    left -= step;
    if (left > 0) ctx.io.stderr(`  ${Math.ceil(left / 1000)} s…\n`);
  }
}

/** Prints the time left at most once per 30-second step, so a log stays readable. */
function countdownPrinter<W>(ctx: CliContext, label: (what: W) => string): (leftMs: number, what: W) => void {
  let lastStep: number | undefined;
  return (leftMs, what) => {
    const step = Math.ceil(leftMs / 30_000);
    if (step === lastStep) return;
    lastStep = step;
    const seconds = Math.ceil(leftMs / 1000);
    ctx.io.stderr(`${label(what)}: ${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')} left (Ctrl-C cancels).\n`);
  };
}

function fail(ctx: CliContext, options: { json?: boolean }, result: 'REJECTED' | 'TIMEOUT' | 'CANCELLED'): never {
  if (options.json) ctx.io.stdout(`${JSON.stringify({ result: result.toLowerCase() })}\n`);
  throw appError(result === 'TIMEOUT' ? 'TIMEOUT' : 'IDP_ERROR', ENDINGS[result]);
}
