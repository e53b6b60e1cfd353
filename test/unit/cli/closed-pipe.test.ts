import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endQuietlyOnClosedPipe } from '../../../electron/cli/closed-pipe';

function pipeError(code: string): { exits: number[]; said: string } {
  const stream = new EventEmitter();
  const exits: number[] = [];
  let said = '';
  endQuietlyOnClosedPipe(stream, 'standard output', (code) => exits.push(code), (text) => (said += text));
  stream.emit('error', Object.assign(new Error(`write ${code}`), { code }));
  return { exits, said };
}

describe('output to a closed pipe', () => {
  it('ends quietly with exit 0 when the reader went away (list | head -1)', () => {
    expect(pipeError('EPIPE')).toEqual({ exits: [0], said: '' });
  });

  it('says in one sentence why other write failures end the command with exit 1', () => {
    expect(pipeError('ENOSPC')).toEqual({ exits: [1], said: 'Traykey could not write to standard output (ENOSPC).\n' });
  });
});
