/**
 * localhost, 127.0.0.0/8 and ::1, as the WHATWG URL parser spells a hostname (127.1 and 0x7f.1 arrive
 * as 127.0.0.1): the only hosts plain http may reach, because nothing leaves this computer.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An https address, or plain http to this computer (a simulator, a test org). */
export function isSecureAddress(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
