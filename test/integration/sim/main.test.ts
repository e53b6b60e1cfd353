import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run sim', () => {
  it('prints the connection details as its first JSON line, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, 'test/sim/main.ts', '--port', '0', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.once('line', resolve);
        child.once('exit', () => reject(new Error('the simulator exited before printing')));
      });
      const details = JSON.parse(firstLine) as {
        okta: { url: string; apiToken: string; users: { login: string; password: string }[] };
        auth0: { url: string; clientId: string; clientSecret: string; managementClientId: string; managementClientSecret: string; realm: string; users: unknown[] };
      };
      expect(details.okta.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/okta\/demo$/);
      expect(details.okta.users.length).toBeGreaterThan(0);
      expect(Object.keys(details.auth0)).toEqual(expect.arrayContaining(['url', 'clientId', 'clientSecret', 'managementClientId', 'managementClientSecret', 'realm', 'users']));
      const user = details.okta.users[0];
      const res = await fetch(`${details.okta.url}/api/v1/authn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user?.login, password: user?.password }) });
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
