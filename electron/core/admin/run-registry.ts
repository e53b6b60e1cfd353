import { randomUUID } from 'node:crypto';
import { isAppError } from '../../../shared/errors';
import type { EnrolResultView, RunStatusView } from '../../../shared/ipc/admin';
import type { EnrolEvent, EnrolRunOptions } from './enrol-run';
import { runEnrolment } from './enrol-run';

interface Run {
  status: RunStatusView;
}

/** Runs started from the app: each goes on in the background, and the Admin area polls its status. */
export class RunRegistry {
  private readonly runs = new Map<string, Run>();

  constructor(private readonly onUserFinished: () => void = () => undefined) {}

  start(connectionId: string, options: Omit<EnrolRunOptions, 'onEvent' | 'showSecrets'>): RunStatusView {
    const runId = randomUUID();
    const run: Run = { status: { runId, connectionId, state: 'running', total: 0, done: 0, failed: 0, results: [] } };
    this.runs.set(runId, run);
    const onEvent = (event: EnrolEvent) => {
      if (event.kind === 'start') run.status.total = event.total;
      if (event.kind !== 'user') return;
      const { result } = event;
      const view: EnrolResultView = {
        login: result.login,
        ...(result.userId ? { userId: result.userId } : {}),
        ...(result.factorId ? { factorId: result.factorId } : {}),
        status: result.status,
        step: result.step,
        ...(result.error ? { error: result.error } : {}),
      };
      run.status.results.push(view);
      run.status.done = event.done;
      if (result.status === 'failed') run.status.failed += 1;
      this.onUserFinished();
    };
    runEnrolment({ ...options, onEvent }).then(
      () => {
        run.status.state = 'done';
      },
      (error: unknown) => {
        run.status.state = 'stopped';
        run.status.error = isAppError(error) ? error.message : 'The run stopped unexpectedly; Retry failed continues it.';
      },
    );
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
