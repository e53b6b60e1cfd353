/**
 * Links the user clicks may open in the system browser only when they are plain https URLs:
 * no other scheme (file:, javascript:, smb:, custom protocol handlers), no credentials, no
 * oversized input. Returns the normalised URL to open, or null to refuse.
 */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // Control characters and whitespace have no place in a link and are a classic smuggling trick.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.hostname === '' || !url.hostname.includes('.')) return null;
  return url.toString();
}
