import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run sim -- --json (custom authenticator and CIBA)', () => {
  it('names the OIDC app and the CIBA client in the okta object, and they work', async () => {
    const child = spawn(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, 'test/sim/main.ts', '--port', '0', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', () => reject(new Error('the simulator exited before printing')));
      });
      const { okta } = JSON.parse(firstLine) as { okta: { url: string; oidcClientId: string; ciba: { clientId: string; clientSecret: string } } };
      expect(okta.oidcClientId).toMatch(/^0oa/);
      expect(Object.keys(okta.ciba).sort()).toEqual(['clientId', 'clientSecret']);
      const config = (await (await fetch(`${okta.url}/.well-known/app-authenticator-configuration?oauthClientId=${okta.oidcClientId}`)).json()) as unknown[];
      expect(config).toHaveLength(1);
      const basic = Buffer.from(`${okta.ciba.clientId}:${okta.ciba.clientSecret}`).toString('base64');
      const ciba = await fetch(`${okta.url}/oauth2/v1/bc/authorize`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'scope=openid&login_hint=nobody%40example.com' });
      expect(((await ciba.json()) as { error: string }).error).toBe('unknown_user_id');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
