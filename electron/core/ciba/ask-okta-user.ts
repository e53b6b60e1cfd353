import { normalizeOrgUrl } from '../admin/connection';
import { OktaCibaClient } from '../idp/okta/ciba';
import { connectOktaOrg } from '../idp/okta/org';
import { confirmWithCiba, type ConfirmOptions, type ConfirmOutcome } from './confirm';
import { approverName } from './id-token';

/** One "please confirm" to an Okta user, as the Admin view and `traykey confirm okta` both ask it. */
export interface OktaConfirmation {
  orgUrl: string;
  clientId: string;
  clientSecret: string;
  /** A custom authorization server (default: the org authorization server). */
  authServer?: string;
  login: string;
  message?: string;
  expiresInSeconds?: number;
}

export type OktaConfirmOutcome = Exclude<ConfirmOutcome, { result: 'APPROVED' }> | (Extract<ConfirmOutcome, { result: 'APPROVED' }> & { approvedBy: string });

/** The client credentials live only as long as the request. */
export async function askOktaUserToConfirm(ask: OktaConfirmation, options: ConfirmOptions): Promise<OktaConfirmOutcome> {
  const org = connectOktaOrg(normalizeOrgUrl(ask.orgUrl), { now: options.now, sleep: options.sleep });
  const client = new OktaCibaClient(org.authn, { clientId: ask.clientId, clientSecret: ask.clientSecret }, ask.authServer);
  const outcome = await confirmWithCiba(
    client,
    {
      loginHint: ask.login,
      ...(ask.message !== undefined ? { bindingMessage: ask.message } : {}),
      ...(ask.expiresInSeconds !== undefined ? { requestExpirySeconds: ask.expiresInSeconds } : {}),
    },
    options,
  );
  return outcome.result === 'APPROVED' ? { ...outcome, approvedBy: approverName(outcome.claims) } : outcome;
}
