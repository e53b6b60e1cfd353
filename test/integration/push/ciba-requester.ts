import type { SimHandle } from '../../sim';

/** A CIBA client as any OIDC app would be: bc/authorize, then the ciba token grant (test helper). */
export async function askToConfirm(sim: SimHandle, login: string, bindingMessage: string, requestExpiry = 300): Promise<string> {
  const response = await fetch(`${sim.okta.url}/oauth2/v1/bc/authorize`, {
    method: 'POST',
    headers: { authorization: basic(sim), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ scope: 'openid email', login_hint: login, binding_message: bindingMessage, request_expiry: String(requestExpiry) }),
  });
  const body = (await response.json()) as { auth_req_id?: string };
  if (response.status !== 200 || !body.auth_req_id) throw new Error(`bc/authorize answered ${response.status}`);
  return body.auth_req_id;
}

/** One poll of the ciba grant: the token answer or the OAuth error code. */
export async function cibaToken(sim: SimHandle, authReqId: string): Promise<{ status: number; error?: string; access_token?: string; id_token?: string }> {
  const response = await fetch(`${sim.okta.url}/oauth2/v1/token`, {
    method: 'POST',
    headers: { authorization: basic(sim), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:openid:params:grant-type:ciba', auth_req_id: authReqId }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

function basic(sim: SimHandle): string {
  return `Basic ${Buffer.from(`${sim.okta.ciba.clientId}:${sim.okta.ciba.clientSecret}`).toString('base64')}`;
}

/** Creates a challenge through the simulator's control route (a sign-in, or a spoiled copy). */
export async function simChallenge(sim: SimHandle, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sim.okta.url}/__sim/okta-push/challenges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`challenge control route answered ${response.status}`);
}
