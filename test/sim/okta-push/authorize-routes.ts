import type { Router } from '../http/router';
import type { SimReply } from '../http/types';
import { randomId } from '../ids';
import type { OktaUser } from '../okta/model';
import { scopesOf, stringFields } from './replies';
import type { OktaPushState } from './state';

const CODE_TTL_MS = 60_000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  codeChallenge: string;
  nonce?: string;
  loginHint?: string;
}

/**
 * `/oauth2[/{server}]/v1/authorize`: authorization code + PKCE (S256) for the desktop app with a
 * loopback redirect (RFC 8252). GET shows a sign-in form; POSTing the form's fields plus `username`
 * and `password` redirects with the code. With the `autoApproveLoginHint` setting, a GET whose
 * login_hint names an active user redirects at once (a sim-only shortcut for scripted browsers).
 */
export function registerAuthorizeRoutes(router: Router, state: OktaPushState, server: string): void {
  const path = `${state.endpointPrefix(server)}/authorize`;
  router.add('GET', path, (req) => {
    const params = readParams(state, Object.fromEntries(req.query));
    if (typeof params === 'string') return errorPage(400, params);
    const hinted = params.loginHint ? state.org.findUser(params.loginHint) : undefined;
    if (state.settings.autoApproveLoginHint && hinted?.status === 'ACTIVE') return redirectWithCode(state, server, params, hinted);
    return signInForm(state.org.url(req.path), params, 200);
  });
  router.add('POST', path, (req) => {
    const form = stringFields(req);
    const params = readParams(state, form);
    if (typeof params === 'string') return errorPage(400, params);
    const user = form.username ? state.org.findUser(form.username) : undefined;
    if (!user || user.status !== 'ACTIVE' || !form.password || user.password !== form.password) return signInForm(state.org.url(req.path), params, 401, 'Unable to sign in.');
    return redirectWithCode(state, server, params, user);
  });
}

function readParams(state: OktaPushState, query: Record<string, string>): AuthorizeParams | string {
  if (query.client_id !== state.oidcClientId) return 'The client_id is not an app of this org.';
  if (query.response_type !== 'code') return 'Only response_type=code is supported.';
  const redirect = query.redirect_uri ?? '';
  let url: URL;
  try {
    url = new URL(redirect);
  } catch {
    return 'The redirect_uri is not a URL.';
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return 'The redirect_uri must be a loopback address (http://127.0.0.1:PORT/…).';
  if (!query.code_challenge || query.code_challenge_method !== 'S256') return 'PKCE is required: send code_challenge with code_challenge_method=S256.';
  const scopes = scopesOf(query.scope);
  if (!scopes.includes('openid')) return 'The scope must include openid.';
  if (!query.state) return 'The state parameter is required.';
  return {
    clientId: query.client_id,
    redirectUri: redirect,
    state: query.state,
    scopes,
    codeChallenge: query.code_challenge,
    ...(query.nonce ? { nonce: query.nonce } : {}),
    ...(query.login_hint ? { loginHint: query.login_hint } : {}),
  };
}

function redirectWithCode(state: OktaPushState, server: string, params: AuthorizeParams, user: OktaUser): SimReply {
  const code = randomId('', 43);
  state.codes.set(code, {
    code,
    userId: user.id,
    clientId: params.clientId,
    redirectUri: params.redirectUri,
    codeChallenge: params.codeChallenge,
    scopes: params.scopes,
    issuer: state.issuer(server),
    ...(params.nonce ? { nonce: params.nonce } : {}),
    expiresAt: state.now() + CODE_TTL_MS,
  });
  const target = new URL(params.redirectUri);
  target.searchParams.set('code', code);
  target.searchParams.set('state', params.state);
  return { status: 302, headers: { location: target.toString() }, raw: { contentType: 'text/plain', data: '' } };
}

function signInForm(action: string, params: AuthorizeParams, status: number, error?: string): SimReply {
  const hidden = Object.entries({
    client_id: params.clientId,
    response_type: 'code',
    redirect_uri: params.redirectUri,
    state: params.state,
    scope: params.scopes.join(' '),
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
    ...(params.nonce ? { nonce: params.nonce } : {}),
  })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const html = [
    '<!doctype html><meta charset="utf-8"><title>Sign in (Traykey simulator)</title>',
    error ? `<p role="alert">${escapeHtml(error)}</p>` : '',
    `<form method="post" action="${escapeHtml(action)}">${hidden}`,
    `<label>Username <input name="username" value="${escapeHtml(params.loginHint ?? '')}"></label>`,
    '<label>Password <input name="password" type="password"></label><button type="submit">Sign in</button></form>',
  ].join('');
  return { status, raw: { contentType: 'text/html; charset=utf-8', data: html } };
}

function errorPage(status: number, message: string): SimReply {
  return { status, raw: { contentType: 'text/html; charset=utf-8', data: `<!doctype html><title>Bad request</title><p>${escapeHtml(message)}</p>` } };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
