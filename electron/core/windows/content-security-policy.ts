/**
 * The one Content-Security-Policy for the renderer's pages: no inline script, no remote origins. Vite
 * writes this string into every page's head (build/vite/page-head.ts); main also sends it as a header on
 * every response so the policy holds even for a document that lost its meta tag. 'wasm-unsafe-eval' lets the QR worker
 * compile the bundled ZXing WebAssembly (it finds codes jsQR misses, several times faster); it does not
 * allow eval of JavaScript, and the module itself can only come from our own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export type ResponseHeaders = Record<string, string[]>;

/**
 * The response headers with our CSP in force. Any CSP header already present (in any letter case)
 * is replaced, never merged, so a response cannot loosen the policy.
 */
export function withContentSecurityPolicy(headers: Record<string, string | string[]> | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
