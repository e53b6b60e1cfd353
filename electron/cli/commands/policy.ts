import type { Command } from 'commander';
import { MANAGED_FEATURES, SET_BY_ORGANISATION, type PolicyStatus } from '../../../shared/policy/policy-schema';
import type { CliContext } from '../context';

function describe(status: PolicyStatus): string {
  if (!status.managed) return 'No policy from an organisation applies on this computer.\n';
  const { policy } = status;
  const lines = [`${SET_BY_ORGANISATION}: ${status.sources.join(', ')}`];
  const off = MANAGED_FEATURES.filter((feature) => policy.disabledFeatures?.includes(feature));
  if (off.length) lines.push(`  switched off: ${off.join(', ')}`);
  if (policy.minLockTimeoutMinutes !== undefined) lines.push(`  the vault locks after at most ${policy.minLockTimeoutMinutes} idle minutes`);
  if (policy.maxClipboardClearSeconds !== undefined) lines.push(`  copied codes are cleared after at most ${policy.maxClipboardClearSeconds} seconds`);
  for (const org of policy.pushOrgs ?? []) lines.push(`  sign-in approvals: ${org.url} (client ${org.clientId})`);
  if (policy.allowOtherPushOrgs !== undefined || policy.pushOrgs) lines.push(`  other orgs for approvals: ${(policy.allowOtherPushOrgs ?? !policy.pushOrgs?.length) ? 'allowed' : 'not allowed'}`);
  if (policy.updates?.channel) lines.push(`  update channel: ${policy.updates.channel}`);
  if (policy.updates?.check !== undefined) lines.push(`  update checks: ${policy.updates.check ? 'on' : 'off'}`);
  return `${lines.join('\n')}\n`;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('policy')
    .description('Show the settings your organisation manages on this computer, and any problem with its policy.')
    .option('--json', 'print the policy status as JSON')
    .action(async (options: { json?: boolean }) => {
      const status = (await ctx.policy()).current();
      ctx.io.stdout(options.json ? `${JSON.stringify(status, null, 2)}\n` : describe(status));
    });
}
