import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Writes the head every renderer page shares (character set, Content-Security-Policy, viewport, colour
 * scheme, an empty icon) into each page Vite serves or builds, so index.html and admin.html hold only
 * their title and entry script. The policy is the one main sends as a header, handed in by the Vite
 * config, so the meta tag and the header cannot drift apart. The tags go first in the head: the policy
 * is in force before the page's script is read.
 */
export function pageHead({ contentSecurityPolicy }: { contentSecurityPolicy: string }): Plugin {
  const tags: HtmlTagDescriptor[] = [
    { tag: 'meta', attrs: { charset: 'utf-8' } },
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy } },
    { tag: 'meta', attrs: { name: 'viewport', content: 'width=device-width, initial-scale=1' } },
    { tag: 'meta', attrs: { name: 'color-scheme', content: 'light dark' } },
    { tag: 'link', attrs: { rel: 'icon', href: 'data:,' } },
  ].map((tag) => ({ ...tag, injectTo: 'head-prepend' }));
  return {
    name: 'traykey-page-head',
    transformIndexHtml: { order: 'pre', handler: () => tags },
  };
}
