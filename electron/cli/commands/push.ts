import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { appError } from '../../../shared/errors';
import { signInPageUrl } from '../../core/idp/http/sign-in-page';
import type { VerifiedChallenge } from '../../core/push/challenge';
import type { SignInMethod } from '../../core/push/oidc-signin';
import type { BrowserOpener } from '../../core/capabilities';
import type { PushService } from '../../core/push/push-service';
import type { Services } from '../../core/compose-services';
import { pendingView } from '../../core/push/push-views';
import { approvalSetUp, enrolAllowedOrg } from '../../core/push/approval-set-up';
import type { ApprovalOffer } from '../../../shared/ipc/push';
import { orgAddress } from '../../../shared/policy/policy-schema';
import { approvalSentence } from '../../core/push/user-verification';
import { friendlyOs } from '../../../shared/push/request-wording';
import type { CliContext, CliIo } from '../context';
import { readStdin } from './admin-stdin';
import { withInterrupt } from './interrupt';
import { forTerminal } from '../terminal-text';

interface SignInOptions {
  user?: string;
  browser?: boolean;
}

/** Prints the sign-in address, and hands it to the desktop's opener unless told not to. */
function cliBrowser(io: CliIo, launch: boolean): BrowserOpener {
  return async (announced) => {
    const url = signInPageUrl(announced);
    io.stderr(`Sign in to enrol this computer: ${url}\n`);
    if (!launch) return;
    const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
    const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => io.stderr('No browser could be opened here: open the address above yourself.\n'));
    child.unref();
  };
}

/** The options of every command that needs a fresh sign-in at the org. */
function signInOptions(command: Command): Command {
  return command
    .option('--user <LOGIN>', 'sign in with this login and the password on standard input (test orgs)')
    .option('--no-browser', 'only print the sign-in address');
}

async function signInMethod(ctx: CliContext, options: SignInOptions): Promise<SignInMethod> {
  if (options.user === undefined) return { kind: 'browser', openBrowser: cliBrowser(ctx.io, options.browser !== false) };
  const password = (await readStdin(ctx.io)).replace(/\r?\n$/, '');
  if (!password) throw appError('INVALID_INPUT', `Give ${options.user}'s password on standard input (test orgs only), or leave out --user to sign in in the browser.`, { field: 'password' });
  return { kind: 'password', username: options.user, password };
}

/** The org to enrol: as given, completed from the organisation's set-up, or its only org when none is given. */
function chooseOrg(offers: readonly ApprovalOffer[], options: { org?: string; clientId?: string }): { url: string; clientId: string } {
  if (options.org !== undefined) {
    const listed = offers.find((offer) => orgAddress(offer.org) === orgAddress(options.org ?? ''));
    const clientId = options.clientId ?? listed?.clientId;
    if (!clientId) throw appError('INVALID_INPUT', 'Give the OIDC app with --client-id <ID>: your organisation set up no client for this org.', { field: 'clientId' });
    return { url: options.org, clientId };
  }
  if (options.clientId !== undefined) throw appError('INVALID_INPUT', 'Give the org with --org <URL> together with --client-id.', { field: 'org' });
  const [only, ...more] = offers;
  if (!only) throw appError('INVALID_INPUT', 'Give the org with --org <URL> and --client-id <ID>: your organisation set up no org for approvals.', { field: 'org' });
  if (more.length > 0) throw appError('INVALID_INPUT', `Your organisation set up several orgs for approvals; choose one with --org: ${offers.map((offer) => forTerminal(offer.org)).join(', ')}.`, { field: 'org' });
  return { url: only.org, clientId: only.clientId };
}

function describe(challenge: VerifiedChallenge, now: number): string {
  const what = challenge.transactionType === 'CIBA' ? 'Confirm' : 'Sign in';
  // Every field but the expiry came from the org (or whoever asked it to push): escaped, one line each.
  const t = forTerminal;
  const lines = [
    `${t(challenge.id)}  ${what}${challenge.app ? ` to ${t(challenge.app)}` : ''} (${t(challenge.orgUrl)})`,
    ...(challenge.bindingMessage !== null ? [`  Message: ${t(challenge.bindingMessage)}`] : []),
    ...(challenge.clientOS !== null ? [`  From: ${t(friendlyOs(challenge.clientOS) ?? 'an unknown device')}${challenge.location ? `, ${t(challenge.location)}` : ''}`] : []),
    `  Expires in ${Math.max(0, Math.round((challenge.expiresAt - now) / 1000))} s`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The composed push service for one command; `watch` starts its polling, the others poll on demand. */
function withPush<T>(ctx: CliContext, run: (push: PushService, services: Services) => Promise<T>): Promise<T> {
  return ctx.withServices((services) => run(services.push, services));
}

async function answer(ctx: CliContext, id: string, choice: 'approve' | 'deny'): Promise<void> {
  await withPush(ctx, async (push) => {
    await push.pollAll();
    if (choice === 'deny') {
      await push.deny(id);
      ctx.io.stdout(`Denied ${id}.\n`);
      return;
    }
    // The CLI has no OS prompt: a request whose org requires user verification cannot be approved here.
    const result = await push.approve(id);
    if (result !== 'approved') throw appError('UNSUPPORTED', approvalSentence(result, push.verifierName()));
    ctx.io.stdout(`Approved ${id}.\n`);
  });
}

/** `traykey push …`: this computer as an Okta custom authenticator that polls. */
export function register(program: Command, ctx: CliContext): void {
  const push = program.command('push').description('Approve Okta sign-ins and CIBA requests from this computer (custom authenticator).');
  signInOptions(push.command('enroll'))
    .description('Enrol this computer with an Okta org: sign in in the browser (or --user with the password on standard input, test orgs only). Without --org, the org your organisation set up.')
    .option('--org <URL>', 'the Okta org, e.g. https://example.okta.com (default: the one your organisation set up)')
    .option('--client-id <ID>', 'the OIDC app the custom authenticator belongs to (default: the one your organisation set up for that org)')
    .action(async (options: SignInOptions & { org?: string; clientId?: string }) => {
      // The org is chosen before the vault opens: a wrong or missing --org costs no passphrase.
      const org = chooseOrg(approvalSetUp((await ctx.policy()).policy, []).offers, options);
      const enrolment = await withPush(ctx, (service, { policy }) => enrolAllowedOrg({ push: service, policy }, { orgUrl: org.url, clientId: org.clientId, signIn: () => signInMethod(ctx, options) }));
      ctx.io.stdout(`Enrolled this computer with ${forTerminal(enrolment.orgUrl)}${enrolment.username ? ` for ${forTerminal(enrolment.username)}` : ''}.\n`);
    });
  push
    .command('list')
    .description('Poll once and print the requests waiting for an answer.')
    .option('--json', 'print an array of {"id","org","app","transactionType","bindingMessage","clientOS","location","expiresAt"}')
    .action(async (options: { json?: boolean }) => {
      const pending = await withPush(ctx, async (service) => {
        if (service.enrolments().length === 0) throw appError('NOT_FOUND', 'This computer is not enrolled with any Okta org: run `traykey push enroll` first.');
        return service.pollAll();
      });
      if (options.json) {
        const rows = pending.map((c) => {
          const { id, orgUrl: org, app, transactionType, bindingMessage, clientOS, location, expiresAt } = c;
          return { id, org, app, transactionType, bindingMessage, clientOS, location, expiresAt: new Date(expiresAt).toISOString() };
        });
        ctx.io.stdout(`${JSON.stringify(rows)}\n`);
      } else {
        ctx.io.stdout(pending.length === 0 ? 'Nothing is waiting.\n' : pending.map((c) => describe(c, ctx.now())).join(''));
      }
    });
  push.command('approve').description('Approve the waiting request ID (as listed).').argument('<id>').action((id: string) => answer(ctx, id, 'approve'));
  push.command('deny').description('Deny the waiting request ID (as listed).').argument('<id>').action((id: string) => answer(ctx, id, 'deny'));
  push
    .command('watch')
    .description('Poll and print requests as they arrive, until Ctrl-C.')
    .option('--json', 'one JSON object per line for each new request')
    .action(async (options: { json?: boolean }) => {
      await withPush(ctx, (service) =>
        withInterrupt(ctx.io, async (signal) => {
          if (service.enrolments().length === 0) throw appError('NOT_FOUND', 'This computer is not enrolled with any Okta org: run `traykey push enroll` first.');
          service.onChallenge((challenge) => {
            const view = pendingView(challenge, service);
            ctx.io.stdout(options.json ? `${JSON.stringify({ ...view, expiresAt: new Date(view.expiresAt).toISOString() })}\n` : describe(challenge, ctx.now()));
          });
          service.start();
          await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
        }),
      );
    });
  const uv = push.command('uv').description('Add or remove the user-verification key of an enrolment (approvals the org lets through only after the OS verified you).');
  uv.command('add')
    .description('Add user verification to an enrolment: needs Touch ID, which only the Traykey app can show.')
    .requiredOption('--org <URL>', 'the Okta org')
    .action(() => {
      // A terminal process cannot show the OS prompt that gates the key, and a key enrolled without it would be one this computer could never use.
      throw appError(
        'UNSUPPORTED',
        process.platform === 'darwin'
          ? 'Adding user verification needs Touch ID, which the traykey command cannot show: add it in the Traykey app under Approvals.'
          : 'Traykey cannot verify you on this computer (it offers Touch ID on macOS only), so it cannot add user verification.',
      );
    });
  signInOptions(uv.command('remove'))
    .description('Remove the user-verification key of an enrolment, at the org too (needs a fresh sign-in).')
    .requiredOption('--org <URL>', 'the Okta org')
    .action(async (options: SignInOptions & { org: string }) => {
      const signIn = await signInMethod(ctx, options);
      const updated = await withPush(ctx, (service) => service.setUserVerification({ orgUrl: options.org, enabled: false, signIn }));
      ctx.io.stdout(`Removed user verification from this computer's enrolment with ${updated.orgUrl}: requests that require it can no longer be approved here.\n`);
    });
  signInOptions(push.command('remove'))
    .description('Remove the enrolment with an org, at the org too (needs a fresh sign-in).')
    .requiredOption('--org <URL>', 'the Okta org')
    .action(async (options: SignInOptions & { org: string }) => {
      const signIn = await signInMethod(ctx, options);
      const removed = await withPush(ctx, (service) => service.remove({ orgUrl: options.org, signIn }));
      ctx.io.stdout(`Removed this computer's enrolment with ${removed.orgUrl}.\n`);
    });
}
