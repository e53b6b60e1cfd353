import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonPolicyFile } from '../../../electron/core/policy/linux-policy-file';
import { PolicyService } from '../../../electron/core/policy/policy-service';
import { watchPolicy } from '../../../electron/core/policy/watch-policy';
import { watchPolicyFile } from '../../../electron/core/policy/watch-policy-file';
import { realTimers } from '../../../electron/core/capabilities';
import { tempHome } from '../../support/temp-home';

/** Repeats `write` every 250 ms until `seen` settles: the timed read is a minute away, so only the watch can make it settle. */
async function writeUntil(seen: Promise<void>, write: () => Promise<void>): Promise<void> {
  let done = false;
  void seen.then(() => (done = true));
  for (let attempt = 0; attempt < 20 && !done; attempt += 1) {
    await write();
    await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  await seen;
}

describe('the Linux policy file, watched for real', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('applies a policy written into an existing folder without waiting for the timed read, and notices its removal', async () => {
    const dir = await tempHome('policy-watch');
    const file = join(dir, 'policy.json');
    const source = jsonPolicyFile(file);
    const policy = new PolicyService([source]);
    await policy.reload();
    expect(policy.current().managed).toBe(false);
    const next = () =>
      new Promise<void>((resolve) => {
        const off = policy.onChange(() => {
          off();
          resolve();
        });
      });

    cleanup.push(watchPolicy(policy, realTimers, { files: [file], watchFile: watchPolicyFile }));
    // chokidar starts watching a moment after it is asked to: write until the change is seen (a few tries at most).
    await writeUntil(next(), () => writeFile(file, JSON.stringify({ disabledFeatures: ['transfer'] })));
    expect(policy.policy.disabledFeatures).toEqual(['transfer']);

    const removed = next();
    await rm(file);
    await removed;
    expect(policy.current().managed).toBe(false);
  }, 10_000);

  it('cannot watch a file whose folder does not exist yet (the timed read covers it)', () => {
    expect(watchPolicyFile('/nonexistent-traykey-folder/policy.json', () => undefined)).toBeNull();
  });
});
