import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import { SyncRunner } from '../../../electron/core/sync/sync-runner';
import type { SyncService, SyncStatus } from '../../../electron/core/sync/sync-service';
import { ManualTimers } from '../../support/fake-timers';

const upToDate: SyncStatus = { health: 'up-to-date', sentence: 'up to date', pending: 0, problems: [] };
const noRound = { merged: 0, wrote: 0, pending: 0, compacted: false, problems: [], waiting: [] };

/** A runner over a service whose round merges accounts from another device and then saves them, or fails to. */
function runnerWhoseSave(outcome: 'saves' | 'fails') {
  const told: { accounts: boolean; health: string }[] = [];
  const service = {
    syncNowWithStatus: async (onMerged?: () => void) => {
      onMerged?.();
      if (outcome === 'fails') throw appError('VAULT_IO', 'The vault /home/me/vault.tkv could not be saved (the disk is full); the change was not applied and the last saved vault was kept.');
      return { report: { ...noRound, merged: 1 }, status: upToDate };
    },
    status: async () => ({ ...upToDate, health: 'waiting' as const, sentence: 'waiting: new changes in the folder are about to be merged' }),
  } as unknown as SyncService;
  const runner: SyncRunner = new SyncRunner({ service, timers: new ManualTimers(), onChanged: ({ accounts }) => told.push({ accounts, health: runner.status().health }) });
  return { runner, told };
}

describe('sync runner', () => {
  it('shows merged accounts as soon as they can be read, once, without waiting for the vault file', async () => {
    const { runner, told } = runnerWhoseSave('saves');
    await runner.trigger();
    expect(told.map((entry) => entry.accounts)).toEqual([true, false]);
    expect(runner.status().sentence).toBe('up to date');
  });

  it('takes merged accounts back when their save fails, and says so with the vault’s reason', async () => {
    const { runner, told } = runnerWhoseSave('fails');
    await runner.trigger();
    expect(told.map((entry) => entry.accounts)).toEqual([true, true]);
    expect(told[1]!.health).toBe('problem');
    expect(runner.status().sentence).toMatch(/^problem: Changes from your other computers could not be saved on this computer; they are still in the sync folder .*\(the disk is full\)/);
  });
});
