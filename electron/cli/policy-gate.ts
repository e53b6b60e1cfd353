import type { Command } from 'commander';
import type { ManagedFeature } from '../../shared/policy/policy-schema';
import type { PolicyService } from '../core/policy/policy-service';

/** CLI commands that belong to a feature an organisation can switch off (the first words of the command). */
const COMMAND_FEATURES: readonly [path: string, feature: ManagedFeature][] = [
  ['admin', 'admin'],
  ['confirm', 'admin'],
  ['transfer', 'transfer'],
  ['qr', 'showSecret'],
  ['backup export', 'backupExport'],
  ['export', 'export'],
  ['sync', 'sync'],
];

/** "admin okta enroll" for the command about to run. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

export function featureOfCommand(path: string): ManagedFeature | undefined {
  return COMMAND_FEATURES.find(([prefix]) => path === prefix || path.startsWith(`${prefix} `))?.[1];
}

/** Whether the command needs the policy at all: the others start without reading it. */
export const policyMatters = (path: string) => featureOfCommand(path) !== undefined || path === 'push enroll' || path === 'policy';

/**
 * Refuses, before the command runs, what the organisation switched off; the policy's problems are
 * reported on stderr whenever it is consulted. (`push enroll` asks the policy itself, for its org.)
 */
export async function enforcePolicy(command: Command, load: () => Promise<PolicyService>, stderr: (text: string) => void): Promise<void> {
  const path = commandPath(command);
  if (!policyMatters(path)) return;
  const policy = await load();
  for (const problem of policy.current().problems) stderr(`Policy: ${problem}\n`);
  const feature = featureOfCommand(path);
  if (feature) policy.assertOn(feature);
}
