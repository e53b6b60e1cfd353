import { InvalidArgumentError, type Command } from 'commander';
import { appError } from '../../../shared/errors';
import { askOktaUserToConfirm } from '../../core/ciba/ask-okta-user';
import { defaultSleep } from '../../core/idp/http/sleep';
import type { CliContext } from '../context';
import { withInterrupt } from './interrupt';

interface ConfirmOptions {
  org: string;
  user: string;
  message?: string;
  authServer?: string;
  expiresIn?: number;
  json?: boolean;
}

function seconds(value: string): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('SECONDS must be a whole number of seconds from 1.');
  return Number(value);
}

/** `traykey confirm okta`: asks a user to approve on their custom authenticator through CIBA. */
export function register(program: Command, ctx: CliContext): void {
  const confirm = program.command('confirm').description('Ask a user to confirm a request on their authenticator (CIBA).');
  confirm
    .command('okta')
    .description('Send a CIBA request to an Okta user and wait for their answer; client ID and secret from OKTA_CLIENT_ID and OKTA_CLIENT_SECRET.')
    .requiredOption('--org <URL>', 'the Okta org, e.g. https://example.okta.com')
    .requiredOption('--user <LOGIN>', "the user's Okta login")
    .option('--message <TEXT>', 'the binding message shown on the device (keep it short)')
    .option('--auth-server <ID>', 'a custom authorization server (default: the org authorization server)')
    .option('--expires-in <SECONDS>', 'how long the user has to answer (Okta default 300)', seconds)
    .option('--json', 'print {"result","approvedBy","claims"} (claims of the verified id token) on approval')
    .action(async (options: ConfirmOptions) => {
      const clientId = ctx.io.env.OKTA_CLIENT_ID;
      const clientSecret = ctx.io.env.OKTA_CLIENT_SECRET;
      if (!clientId || !clientSecret) {
        throw appError('INVALID_INPUT', "Set OKTA_CLIENT_ID and OKTA_CLIENT_SECRET to the client credentials of the org's CIBA app.", { field: 'clientId' });
      }
      const user = options.user;
      const outcome = await withInterrupt(ctx.io, (signal) =>
        askOktaUserToConfirm(
          {
            orgUrl: options.org,
            clientId,
            clientSecret,
            ...(options.authServer !== undefined ? { authServer: options.authServer } : {}),
            login: user,
            ...(options.message !== undefined ? { message: options.message } : {}),
            ...(options.expiresIn !== undefined ? { expiresInSeconds: options.expiresIn } : {}),
          },
          {
            now: ctx.now,
            sleep: ctx.sleep ?? defaultSleep,
            signal,
            onWaiting: (expiresAt) => ctx.io.stderr(`Waiting for ${user} to answer on their authenticator (until ${new Date(expiresAt).toISOString()}); Ctrl-C stops waiting.\n`),
          },
        ),
      );
      switch (outcome.result) {
        case 'APPROVED': {
          const { approvedBy, claims } = outcome;
          ctx.io.stdout(options.json ? `${JSON.stringify({ result: 'approved', approvedBy, claims })}\n` : `Approved by ${approvedBy}.\n`);
          return;
        }
        case 'DENIED':
          if (options.json) ctx.io.stdout(`${JSON.stringify({ result: 'denied' })}\n`);
          throw appError('IDP_ERROR', `${user} denied the request.`);
        case 'EXPIRED':
          if (options.json) ctx.io.stdout(`${JSON.stringify({ result: 'expired' })}\n`);
          throw appError('TIMEOUT', `The request expired before ${user} answered it.`);
        case 'ABORTED':
          throw appError('INVALID_INPUT', 'Stopped waiting; the request expires on its own if nobody answers it.');
      }
    });
}
