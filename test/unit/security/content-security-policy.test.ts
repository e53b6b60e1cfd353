import { readdirSync } from 'node:fs';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../../electron/core/windows/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

/** The renderer's pages as `npm run build` makes them (kept in memory: dist/ is left alone). */
async function builtPages(): Promise<Map<string, string>> {
  const result = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { write: false } });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((bundle) => ('output' in bundle ? bundle.output : []));
  return new Map(outputs.filter((chunk) => chunk.fileName.endsWith('.html') && chunk.type === 'asset').map((asset) => [asset.fileName, String((asset as { source: string | Uint8Array }).source)]));
}

const unescapeAttribute = (value: string): string => value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('content security policy', () => {
  it('is the policy every built renderer page declares first in its head, the same string main sends as a header', async () => {
    const pages = readdirSync('renderer').filter((name) => name.endsWith('.html'));
    const built = await builtPages();
    expect([...built.keys()].sort()).toEqual(pages.sort());
    for (const [name, html] of built) {
      const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
      const policies = [...head.matchAll(/<meta\b[^>]*http-equiv="?content-security-policy[^>]*>/gi)].map((tag) => unescapeAttribute(/content="([^"]*)"/.exec(tag[0])?.[1] ?? ''));
      expect(policies, name).toEqual([CONTENT_SECURITY_POLICY]);
      expect(head.indexOf('Content-Security-Policy'), name).toBeLessThan(head.indexOf('<script'));
    }
  }, 60_000);

  it('denies everything by default and allows scripts only from our own origin (WebAssembly compiles, JavaScript eval does not)', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('allows no inline code, no eval and no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|https?:|wss?:|\*/);
    for (const [name, sources] of directives(CONTENT_SECURITY_POLICY)) {
      const allowed = name === 'script-src' ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'", "'none'", 'data:', 'blob:'];
      for (const source of sources) expect(allowed).toContain(source);
    }
  });

  it('adds the policy to a response that has none', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['Content-Type']).toEqual(['text/html']);
  });

  it('replaces a looser policy sent by the response, whatever its letter case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["script-src * 'unsafe-inline'"], 'CONTENT-SECURITY-POLICY': 'default-src *' });
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('copes with a response without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
