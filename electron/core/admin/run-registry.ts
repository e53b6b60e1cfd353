import { randomUUID } from 'node:crypto';
import { appError, isAppError } from '../../../shared/errors';
import type { EnrolResultView, RunStatusView } from '../../../shared/ipc/admin';
import type { EnrolEvent, EnrolRunOptions } from './enrol-run';
import { runEnrolment } from './enrol-run';
import { acquireRunLock } from './run-lock';

interface Run {
  status: RunStatusView;
  stop: AbortController;
}

/** Runs started from the app: each goes on in the background, and the Admin area polls its status. */
export class RunRegistry {
  private readonly runs = new Map<string, Run>();

  /** `lockDir`: where the per-connection run locks live, shared with the CLI so the two never run at once. */
  constructor(
    private readonly lockDir: string,
    private readonly onUserFinished: () => void = () => undefined,
  ) {}

  /** Starts a run once it holds the connection's lock (refused with a sentence while another run has it). */
  async start(connectionId: string, connectionName: string, options: Omit<EnrolRunOptions, 'onEvent' | 'showSecrets' | 'signal'>): Promise<RunStatusView> {
    const lock = await acquireRunLock(this.lockDir, connectionId, connectionName);
    const runId = randomUUID();
    const run: Run = { status: { runId, connectionId, state: 'running', total: 0, done: 0, failed: 0, results: [] }, stop: new AbortController() };
    this.runs.set(runId, run);
    const onEvent = (event: EnrolEvent) => {
      if (event.kind === 'start') run.status.total = event.total;
      if (event.kind !== 'user') return;
      const { result } = event;
      const view: EnrolResultView = {
        login: result.login,
        ...(result.userId ? { userId: result.userId } : {}),
        ...(result.factorId ? { factorId: result.factorId } : {}),
        ...(result.ownership ? { ownership: result.ownership } : {}),
        status: result.status,
        step: result.step,
        ...(result.error ? { error: result.error } : {}),
      };
      run.status.results.push(view);
      run.status.done = event.done;
      if (result.status === 'failed') run.status.failed += 1;
      this.onUserFinished();
    };
    runEnrolment({ ...options, onEvent, signal: run.stop.signal })
      .then(
        (summary) => {
          run.status.state = summary.stopped ? 'stopped' : 'done';
          if (summary.stopped) {
            const { error } = summary.stopped;
            run.status.error = `${isAppError(error) ? error.message : 'The run stopped unexpectedly.'} ${summary.pending} users are still pending: Retry failed continues them.`;
          }
        },
        (error: unknown) => {
          run.status.state = 'stopped';
          run.status.error = isAppError(error) ? error.message : 'The run stopped unexpectedly; Retry failed continues it.';
        },
      )
      .finally(() => void lock.release());
    return this.copy(run);
  }

  /**
   * Stops a run the way Ctrl-C stops the CLI's: users in flight stop at their next step and stay
   * recorded, so Retry failed continues them. The run reports 'stopped' once its workers have let go.
   */
  cancel(runId: string): RunStatusView | undefined {
    const run = this.runs.get(runId);
    if (!run) return undefined;
    if (run.status.state === 'running') run.stop.abort(appError('INTERRUPTED', 'You cancelled the run.'));
    return this.copy(run);
  }

  status(runId: string): RunStatusView | undefined {
    const run = this.runs.get(runId);
    return run ? this.copy(run) : undefined;
  }

  private copy(run: Run): RunStatusView {
    return { ...run.status, results: [...run.status.results] };
  }
}
