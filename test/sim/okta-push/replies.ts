import type { SimReply, SimRequest } from '../http/types';
import { randomId } from '../ids';

/** An OAuth 2.0 error as Okta's authorization servers send it. */
export function oauthError(status: number, error: string, description: string): SimReply {
  return { status, json: { error, error_description: description } };
}

/** An Okta error object for codes outside the classic catalogue (MyAccount). */
export function myAccountError(status: number, errorCode: string, errorSummary: string, causes: string[] = []): SimReply {
  return {
    status,
    json: { errorCode, errorSummary, errorLink: errorCode, errorId: randomId('oae', 22), errorCauses: causes.map((errorSummary) => ({ errorSummary })) },
  };
}

export const myAccountNotEnabled = (): SimReply => myAccountError(401, 'E0000015', 'You do not have permission to access the feature you are requesting');
export const invalidToken = (): SimReply => ({ ...myAccountError(401, 'E0000011', 'Invalid token provided'), headers: { 'www-authenticate': 'Bearer error="invalid_token"' } });
export const insufficientScope = (): SimReply => myAccountError(403, 'E0000006', 'You do not have permission to perform the requested action');
export const validationFailed = (what: string, cause: string): SimReply => myAccountError(400, 'E0000001', `Api validation failed: ${what}`, [cause]);

/** The form or JSON body as string fields; anything else is dropped. */
export function stringFields(req: SimRequest): Record<string, string> {
  const body = req.body;
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return out;
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value;
  return out;
}

export function scopesOf(text: string | undefined): string[] {
  return (text ?? '').split(/\s+/).filter((s) => s.length > 0);
}

export function bearerToken(req: SimRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** client_secret_basic or client_secret_post, as Okta accepts both. */
export function clientCredentials(req: SimRequest, form: Record<string, string>): { clientId?: string; clientSecret?: string } {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (match?.[1]) {
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
    return {};
  }
  return { ...(form.client_id ? { clientId: form.client_id } : {}), ...(form.client_secret ? { clientSecret: form.client_secret } : {}) };
}
