import type { Command } from 'commander';
import type { CliContext } from '../context';
import { register as add } from './add';
import { register as code } from './code';
import { register as list } from './list';
import { register as remove } from './remove';
import { register as scan } from './scan';
import { register as importImages } from './import';
import { register as backup } from './backup';
import { register as admin } from './admin';
import { register as confirm } from './confirm';
import { register as signin } from './signin';
import { register as push } from './push';
import { register as transfer } from './transfer';
import { register as policy } from './policy';
import { register as vault } from './vault';

/** Every `traykey` command, one line each; a new command adds its register function here. */
export const commands: ((program: Command, ctx: CliContext) => void)[] = [
  add,
  list,
  code,
  remove,
  scan,
  importImages,
  backup,
  admin,
  confirm,
  signin,
  push,
  transfer,
  policy,
  vault,
];
