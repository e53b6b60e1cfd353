import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempHomeSync } from '../../support/temp-home';

const script = fileURLToPath(new URL('../../../scripts/setup-debian.sh', import.meta.url));
const ALL = ['chromium', 'gnome-keyring', 'dbus', 'libsecret-1-dev', 'build-essential', 'python3'];

type Machine = { uid: number; installed: string[]; sudo: boolean; node?: string };

/** Runs the script on a pretend machine: PATH holds only stand-ins that log how they were called. */
function setUp(machine: Machine): { status: number | null; stderr: string; calls: string[] } {
  const bin = tempHomeSync('setup');
  const log = join(bin, 'calls.log');
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/bash\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  tool('id', `echo ${machine.uid}`);
  tool('dpkg-query', `case " ${machine.installed.join(' ')} " in *" \${@: -1} "*) printf installed;; *) exit 1;; esac`);
  tool('apt-get', `echo "apt-get $*" >> ${log}`);
  tool('env', `echo "env $1" >> ${log}; shift; "$@"`);
  if (machine.sudo) tool('sudo', `echo "sudo $1" >> ${log}; "$@"`);
  if (machine.node) tool('node', `echo ${machine.node}`);
  const run = spawnSync('/bin/bash', [script], { env: { PATH: bin }, encoding: 'utf8' });
  let calls: string[] = [];
  try {
    calls = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    calls = [];
  }
  return { status: run.status, stderr: run.stderr, calls };
}


describe('scripts/setup-debian.sh', () => {
  it('runs apt-get itself as root, where a fresh container has no sudo', () => {
    const result = setUp({ uid: 0, installed: ['dbus', 'python3'], sudo: false, node: 'v20.19.0' });
    expect(result.status).toBe(0);
    expect(result.calls).toEqual([
      'apt-get update -qq',
      'env DEBIAN_FRONTEND=noninteractive',
      'apt-get install -y -qq chromium gnome-keyring libsecret-1-dev build-essential',
    ]);
  });

  it('goes through sudo for a normal user', () => {
    const result = setUp({ uid: 1000, installed: [], sudo: true, node: 'v22.3.1' });
    expect(result.status).toBe(0);
    expect(result.calls).toEqual([
      'sudo apt-get',
      'apt-get update -qq',
      'sudo env',
      'env DEBIAN_FRONTEND=noninteractive',
      `apt-get install -y -qq ${ALL.join(' ')}`,
    ]);
  });

  it('installs nothing when every package is there', () => {
    const result = setUp({ uid: 1000, installed: ALL, sudo: false, node: 'v24.0.0' });
    expect(result).toMatchObject({ status: 0, calls: [] });
  });

  it('tells a normal user without sudo what to do', () => {
    const result = setUp({ uid: 1000, installed: [], sudo: false, node: 'v20.19.0' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('needs root: run this script as root, or install sudo');
  });

  it('says where to get Node when it is missing or older than 20.19', () => {
    for (const node of [undefined, 'v18.20.4', 'v20.18.3']) {
      const result = setUp({ uid: 0, installed: ALL, sudo: false, node });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Traykey needs Node.js 20.19 or newer with npm (found: ${node ?? 'none'})`);
    }
  });
});
