/**
 * `npm run bench:admin`: enrols 100 test users against the simulator with Okta-like per-bucket rate
 * limits, through the real engine, idp clients and vault, and prints wall time, requests, 429s and the
 * floor the limits allow.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionIdFor } from '../../electron/core/admin/connection';
import { EnrolJournal } from '../../electron/core/admin/enrol-journal';
import { runEnrolment } from '../../electron/core/admin/enrol-run';
import { createOktaProvider } from '../../electron/core/admin/okta-provider';
import { usersFromCount } from '../../electron/core/admin/test-users';
import { Vault } from '../../electron/core/vault/vault';
import { startSimulator, type RateLimitRule } from '../sim';

const USERS = 100;
const CONCURRENCY = 32;
const WINDOW_MS = 10_000;

/** Okta's buckets (create users, read one user, a user's factors), scaled to a 10 s window. */
const RULES: (RateLimitRule & { perUser: number })[] = [
  { method: 'GET', path: '/api/v1/users/*', limit: 150, windowMs: WINDOW_MS, perUser: 1 },
  { method: 'POST', path: '/api/v1/users', limit: 60, windowMs: WINDOW_MS, perUser: 1 },
  { path: '/api/v1/users/*/factors**', limit: 120, windowMs: WINDOW_MS, perUser: 3 },
];

/** The least time the limits allow: a bucket that needs k windows cannot finish before k - 1 resets. */
function floorMs(): number {
  return Math.max(...RULES.map((rule) => (Math.ceil((USERS * rule.perUser) / rule.limit) - 1) * WINDOW_MS));
}

const sim = await startSimulator();
sim.setRateLimits('okta', [...RULES.map(({ perUser: _p, ...rule }) => rule), { path: '/**', limit: 1200 }]);
const home = await mkdtemp(join(tmpdir(), 'traykey-bench-admin-'));
const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'bench' }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
let requests = 0;
let tooMany = 0;
try {
  const provider = createOktaProvider(
    { url: sim.okta.url, name: 'bench', apiToken: sim.okta.apiToken },
    {
      log: (event) => {
        if (event.outcome !== 'response') return;
        requests += 1;
        if (event.status === 429) tooMany += 1;
      },
    },
  );
  const journal = new EnrolJournal(vault, connectionIdFor('okta', sim.okta.url), Date.now);
  const summary = await runEnrolment({ provider, journal, users: usersFromCount(USERS, 'bench', 'example.com'), concurrency: CONCURRENCY });
  const floor = floorMs();
  const saved = (vault.read().accounts as unknown[] | undefined)?.length ?? 0;
  console.log(`users                 ${USERS} (concurrency ${CONCURRENCY})`);
  console.log(`enrolled / failed     ${summary.enrolled} / ${summary.failed} (accounts saved: ${saved})`);
  // Ownership is decided for every user (found by login, else created and recorded with its creation time).
  const created = summary.results.filter((result) => result.ownership === 'created').length;
  console.log(`ownership recorded    ${created} created, ${summary.results.length - created} other`);
  console.log(`requests made         ${requests}`);
  console.log(`429s received         ${tooMany}`);
  console.log(`rate-limit floor      ${(floor / 1000).toFixed(2)} s  (buckets per ${WINDOW_MS / 1000} s: ${RULES.map((r) => `${r.method ?? '*'} ${r.path} ${r.limit}`).join('; ')})`);
  console.log(`wall time             ${(summary.wallMs / 1000).toFixed(2)} s  (${(summary.wallMs / floor).toFixed(2)}x the floor)`);
} finally {
  vault.close();
  await sim.close();
  await rm(home, { recursive: true, force: true });
}
