import { parseArgs } from 'node:util';
import { startSimulator, type SimHandle } from './index';
import { USER_VERIFICATION, oktaPushState, type UserVerificationPolicy } from './okta-push/state';

/**
 * `npm run sim`: a local demo Okta org and Auth0 tenant. With `--json` the first line of stdout is
 * one JSON object with the connection details, for scripts; it serves until SIGINT or SIGTERM.
 */
async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string', default: '4100' }, json: { type: 'boolean', default: false }, 'okta-user-verification': { type: 'string', default: 'discouraged' } },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write('The --port must be a whole number from 0 to 65535.\n');
    process.exitCode = 2;
    return;
  }
  const userVerification = values['okta-user-verification'].toUpperCase();
  if (!isPolicy(userVerification)) {
    process.stderr.write('The --okta-user-verification must be required, preferred or discouraged.\n');
    process.exitCode = 2;
    return;
  }
  const sim = await startSimulator({ port, seed: { okta: { userVerification } } });
  process.stdout.write(values.json ? `${JSON.stringify(connectionDetails(sim))}\n` : banner(sim));
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function isPolicy(value: string): value is UserVerificationPolicy {
  return (USER_VERIFICATION as readonly string[]).includes(value);
}

function connectionDetails(sim: SimHandle): Record<string, unknown> {
  const { okta, auth0 } = sim;
  return {
    okta: { url: okta.url, apiToken: okta.apiToken, users: okta.users, oidcClientId: okta.oidcClientId, ciba: okta.ciba, userVerification: userVerificationOf(sim) },
    auth0: {
      url: auth0.url,
      clientId: auth0.clientId,
      clientSecret: auth0.clientSecret,
      managementClientId: auth0.managementClientId,
      managementClientSecret: auth0.managementClientSecret,
      managementAudience: auth0.managementAudience,
      realm: auth0.realm,
      users: auth0.users,
    },
  };
}

function userVerificationOf(sim: SimHandle): string {
  const org = sim.state.okta();
  return org ? oktaPushState(org).settings.userVerification.toLowerCase() : 'unknown';
}

function banner(sim: SimHandle): string {
  const { okta, auth0 } = sim;
  const lines = [
    'Traykey identity-provider simulator (a local test double; nothing leaves this machine)',
    '',
    `Okta org      ${okta.url}`,
    `  API token   ${okta.apiToken}`,
    ...okta.users.map((u) => `  user        ${u.login} / ${u.password}`),
    `  OIDC app    ${okta.oidcClientId} (custom authenticator ${okta.authenticatorId}, user verification ${userVerificationOf(sim)})`,
    `  CIBA client ${okta.ciba.clientId} / ${okta.ciba.clientSecret}`,
    `  phone       curl -X POST ${okta.url}/__sim/okta-verify/answer -H 'content-type: application/json' -d '{"login":"bob@example.com","answer":"approve"}'`,
    '',
    `Auth0 tenant  ${auth0.url}`,
    `  client      ${auth0.clientId} / ${auth0.clientSecret}`,
    `  management  ${auth0.managementClientId} / ${auth0.managementClientSecret} (audience ${auth0.managementAudience})`,
    `  realm       ${auth0.realm}`,
    ...auth0.users.map((u) => `  user        ${u.username ?? u.email} (${u.email}) / ${u.password}`),
    `  phone       curl -X POST ${auth0.url}/__sim/guardian/answer -H 'content-type: application/json' -d '{"username":"dave","answer":"approve"}'`,
    '',
    'Point Traykey at it: add an Okta connection with the org URL and API token above, or an Auth0',
    'connection with the tenant URL and client credentials. Faults: POST /__sim/faults on',
    `${sim.origin}. Stop with Ctrl+C.`,
    '',
  ];
  return lines.join('\n');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`The simulator could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
