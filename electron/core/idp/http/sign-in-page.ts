import { appError } from '../../../../shared/errors';
import { requireSecureTransport } from './transport-policy';

const MAX_SIGN_IN_URL_LENGTH = 4096;

/**
 * The opener rule for an org's sign-in page (its `authorization_endpoint` with our query), shared by
 * the app and the CLI: the address came from the org's discovery document, so it is checked as
 * hostile before the system browser sees it. Returns the URL to open, or throws a typed refusal.
 */
export function signInPageUrl(raw: string): string {
  // Control characters and spaces have no place in a link and are a classic way to smuggle a second one.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (raw.length > MAX_SIGN_IN_URL_LENGTH || /[\u0000-\u0020\u007f-\u009f]/.test(raw)) {
    throw appError('IDP_ERROR', 'The org’s sign-in page address is malformed, so Traykey will not open it: check the org address.');
  }
  const url = requireSecureTransport(raw);
  if (url.username !== '' || url.password !== '') {
    throw appError('IDP_ERROR', 'The org’s sign-in page address carries a user name or password, so Traykey will not open it.');
  }
  return url.toString();
}
