import cliProgress from 'cli-progress';
import type { EnrolEvent, RunSummary, UserResult } from '../../core/admin/enrol-run';
import type { CliIo } from '../context';
import { forTerminal } from '../terminal-text';

export interface Reporter {
  onEvent(event: EnrolEvent): void;
  finish(summary: RunSummary): void;
}

/** `--json`: one line per user as it finishes, the summary line last. */
export function jsonReporter(io: CliIo): Reporter {
  return {
    onEvent(event) {
      if (event.kind === 'user') io.stdout(`${JSON.stringify(jsonResult(event.result))}\n`);
    },
    finish(summary) {
      const { total, enrolled, alreadyEnrolled, failed, skipped, pending, wallMs } = summary;
      io.stdout(`${JSON.stringify({ summary: true, total, enrolled, alreadyEnrolled, failed, skipped, pending, wallMs, ...(summary.stopped ? { stopped: true } : {}) })}\n`);
    },
  };
}

function jsonResult(result: UserResult): Record<string, unknown> {
  const { login, userId, factorId, ownership, status, error, secret, password, recoveryCode } = result;
  const why = status === 'skipped' ? { note: error } : error ? { error, failedStep: result.step } : {};
  return { login, userId: userId ?? null, factorId: factorId ?? null, ownership: ownership ?? null, status, ...why, ...(secret ? { secret } : {}), ...(password ? { password } : {}), ...(recoveryCode ? { recoveryCode } : {}) };
}

/** A progress bar on a terminal (stderr, so stdout stays clean for pipes). */
export function barReporter(io: CliIo): Reporter {
  const bar = new cliProgress.SingleBar({ format: 'Enrolling {bar} {value}/{total} users | {failed} failed | {eta_formatted} left', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
  let failed = 0;
  return {
    onEvent(event) {
      if (event.kind === 'start') bar.start(event.total, 0, { failed });
      if (event.kind === 'user') {
        if (event.result.status === 'failed') failed += 1;
        bar.update(event.done, { failed });
      }
    },
    finish(summary) {
      bar.stop();
      textSummary(io, summary);
    },
  };
}

/** Without a terminal: one short line per user as it finishes, on stderr. */
export function lineReporter(io: CliIo): Reporter {
  return {
    onEvent(event) {
      if (event.kind !== 'user') return;
      const { result } = event;
      const tail = result.status === 'failed' ? `failed at ${result.step}: ${result.error ?? ''}` : result.status === 'skipped' ? `left alone: ${result.error ?? ''}` : `${result.status} (${result.ownership ?? 'unknown'})`;
      io.stderr(`[${event.done}/${event.total}] ${forTerminal(result.login)} ${forTerminal(tail)}\n`);
    },
    finish: (summary) => textSummary(io, summary),
  };
}

function textSummary(io: CliIo, summary: RunSummary): void {
  // A stopped run says what was done in its closing sentence, with the command that continues it.
  if (summary.stopped) return;
  const parts = [`${summary.enrolled} enrolled`, ...(summary.alreadyEnrolled ? [`${summary.alreadyEnrolled} already enrolled`] : []), ...(summary.skipped ? [`${summary.skipped} left alone`] : []), `${summary.failed} failed`];
  io.stdout(`${parts.join(', ')} of ${summary.total} users in ${(summary.wallMs / 1000).toFixed(1)} s.\n`);
}

const CSV_COLUMNS = ['login', 'userId', 'factorId', 'ownership', 'status', 'step', 'error'] as const;

/** login,userId,factorId,ownership,status,step,error[,secret,password,recoveryCode] with RFC 4180 quoting. */
export function resultsCsv(results: UserResult[], showSecrets: boolean): string {
  const header = [...CSV_COLUMNS, ...(showSecrets ? ['secret', 'password', 'recoveryCode'] : [])];
  const rows = results.map((result) => {
    const values = [...CSV_COLUMNS.map((column) => result[column] ?? ''), ...(showSecrets ? [result.secret ?? '', result.password ?? '', result.recoveryCode ?? ''] : [])];
    // Every cell, passwords included: a file that runs a formula when opened is worse than a quoted
    // password, and scripts that need exact values have --format json or env.
    return values.map((value) => csvCell(formulaSafe(value))).join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/** A leading =, +, - or @ (or a tab or carriage return) makes spreadsheet programs evaluate the cell (OWASP CSV injection). */
function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
