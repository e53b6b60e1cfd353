import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { register as registerAdmin } from '../../../electron/cli/commands/admin';
import { register as registerSignin } from '../../../electron/cli/commands/signin';
import { createCliContext } from '../../../electron/cli/context';

/*
 * Every option an admin or sign-in error, hint or printed command names must exist on the command
 * that prints it: a hint that sends a person to an unknown option is a dead end. The table says which
 * commands can print the messages of each file; a message naming an option the table does not list
 * fails, so a new hint is checked as soon as it is written.
 */
const ROOT = join(import.meta.dirname, '../../..');
const SOURCES = [
  'electron/cli/commands/admin.ts',
  'electron/cli/commands/admin-enroll.ts',
  'electron/cli/commands/admin-output.ts',
  'electron/cli/commands/admin-target.ts',
  'electron/cli/commands/admin-users.ts',
  'electron/cli/commands/signin.ts',
  'electron/core/admin/cleanup.ts',
  'electron/core/admin/enrol-record.ts',
  'electron/core/admin/enrol-run.ts',
  'electron/core/admin/enrol-user.ts',
  'electron/core/admin/okta-provider.ts',
  'electron/core/admin/test-users.ts',
  'electron/core/signin/okta-signin.ts',
  'electron/core/signin/auth0-signin.ts',
];

const OKTA_ORG = ['admin okta enroll', 'admin okta enroll-factor', 'admin okta factors', 'admin okta reset-factor', 'admin okta cleanup', 'admin okta forget', 'admin okta results', 'admin okta test'];
const AUTH0_ORG = OKTA_ORG.map((path) => path.replace('okta', 'auth0'));
const ENROLL = ['admin okta enroll', 'admin auth0 enroll'];

/** file → option → the commands whose output can name it. */
const PRINTED_BY: Record<string, Record<string, string[]>> = {
  'electron/cli/commands/admin.ts': { '--org': ['admin connect okta'], '--domain': ['admin connect auth0'] },
  'electron/cli/commands/admin-enroll.ts': { '--count': ENROLL, '--prefix': ENROLL, '--csv': ENROLL, '--resume': ENROLL, '--existing': ENROLL, '--concurrency': ENROLL, '--password-stdin': ENROLL, '--json': ENROLL, '--csv-output': ENROLL },
  'electron/cli/commands/admin-target.ts': {
    '--org': [...OKTA_ORG, 'admin connect okta'],
    '--domain': [...AUTH0_ORG, 'admin connect auth0'],
    '--realm': AUTH0_ORG,
    '--app-client-id': AUTH0_ORG,
  },
  'electron/cli/commands/admin-users.ts': {
    '--login': ['admin okta enroll-factor', 'admin auth0 enroll-factor'],
    '--factor': ['admin okta enroll-factor', 'admin okta reset-factor', 'admin auth0 reset-factor'],
    '--yes': ['admin okta cleanup', 'admin auth0 cleanup'],
    '--include-existing': ['admin okta cleanup', 'admin auth0 cleanup'],
    '--format': ['admin okta results', 'admin auth0 results'],
    '--reveal': ['admin okta results', 'admin auth0 results'],
    '--output': ['admin okta results', 'admin auth0 results'],
  },
  'electron/cli/commands/signin.ts': { '--account': ['signin okta', 'signin auth0'], '--recovery-code': ['signin auth0'], '--reveal-tokens': ['signin okta', 'signin auth0'], '--json': ['signin okta', 'signin auth0'] },
  'electron/core/admin/cleanup.ts': { '--include-existing': ['admin okta cleanup', 'admin auth0 cleanup'] },
  'electron/core/admin/enrol-run.ts': { '--count': ENROLL, '--prefix': ENROLL, '--csv': ENROLL, '--resume': ENROLL, '--existing': ENROLL },
  'electron/core/admin/enrol-user.ts': { '--existing': ENROLL },
  'electron/core/admin/okta-provider.ts': { '--login': ['admin okta reset-factor'] },
  'electron/core/admin/test-users.ts': { '--email-domain': ENROLL },
  'electron/core/signin/okta-signin.ts': { '--factor': ['signin okta'] },
  'electron/core/signin/auth0-signin.ts': { '--factor': ['signin auth0'], '--recovery-code': ['signin auth0'] },
};

/** Options named in the file's strings, leaving out comments and the option definitions themselves. */
function optionsNamedIn(file: string): Set<string> {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const named = new Set<string>();
  const isDefinition = (node: ts.Node): boolean => {
    const call = node.parent;
    if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return false;
    if (call.arguments?.[0] !== node) return false;
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    return ['option', 'requiredOption', 'Option'].includes(name);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) && !isDefinition(node)) {
      for (const match of node.text.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)) named.add(match[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return named;
}

function program(): Command {
  const root = new Command('traykey');
  const ctx = createCliContext({ stdout: () => undefined, stderr: () => undefined, env: {} });
  for (const register of [registerAdmin, registerSignin]) register(root, ctx);
  return root;
}

function find(root: Command, path: string): Command | undefined {
  return path.split(' ').reduce<Command | undefined>((command, name) => command?.commands.find((child) => child.name() === name), root);
}

describe('options named in admin and sign-in messages', () => {
  const root = program();

  it.each(SOURCES)('every option %s names is listed with the commands that print it', (file) => {
    expect([...optionsNamedIn(file)].sort()).toEqual(Object.keys(PRINTED_BY[file] ?? {}).sort());
  });

  it('exist on each command that prints them', () => {
    const missing: string[] = [];
    for (const [file, options] of Object.entries(PRINTED_BY)) {
      for (const [option, paths] of Object.entries(options)) {
        for (const path of paths) {
          const command = find(root, path);
          if (!command) missing.push(`${file}: no command "traykey ${path}"`);
          else if (!command.options.some((entry) => entry.long === option)) missing.push(`${file}: "traykey ${path}" has no ${option}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
