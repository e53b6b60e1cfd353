import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNC_SECTION, syncSectionIn } from '../../../electron/core/sync/engine/local-section';
import { Vault } from '../../../electron/core/vault/vault';
import { tempHome } from '../../support/temp-home';
import { cliInTempHome } from './run-cli';

const HOTP = 'otpauth://hotp/VPN:ops?secret=MFRGGZDFMZTWQ2LK&issuer=VPN&counter=3';

describe('edits the CLI saves with sync set up', () => {
  it('are stamped for sync in their own save, as the app stamps them, including an HOTP step taken by traykey code', async () => {
    const cli = await cliInTempHome(() => 1_790_000_000_000);
    expect((await cli.run(['sync', 'setup', '--folder', join(await tempHome('sync-folder'), 'Traykey')])).code).toBe(0);
    expect((await cli.run(['add', HOTP])).code).toBe(0);
    const queued = async () => {
      const vault = await Vault.open({ home: cli.home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
      try {
        const doc = vault.read();
        expect(doc[SYNC_SECTION]).toBeDefined();
        return syncSectionIn(doc)?.nextSeq ?? 0;
      } finally {
        vault.close();
      }
    };
    const afterAdd = await queued();
    expect((await cli.run(['code', 'ops'])).code).toBe(0);
    expect(await queued()).toBe(afterAdd + 1);
    expect((await cli.run(['rename', 'ops', '--name', 'on-call'])).code).toBe(0);
    expect(await queued()).toBe(afterAdd + 2);
  });
});
