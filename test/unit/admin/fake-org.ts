import { appError } from '../../../shared/errors';
import type { AdminProvider, EnrolledFactor, FactorState } from '../../../electron/core/admin/admin-provider';
import { codeForStep, timeStep } from '../../../electron/core/otp/codes';
import type { EnrolStep } from '../../../electron/core/admin/enrol-record';
import type { OrgUser } from '../../../electron/core/admin/ownership';

interface FakeUser {
  id: string;
  login: string;
  /** ISO creation time, as Okta's `created`. */
  created: string;
  factors: { id: string; secret: string; active: boolean; usedSteps: Set<number> }[];
}

/** Which provider call to break once, and how. */
export interface Breakage {
  call: 'createUser' | 'enrolTotp' | 'activate' | 'verify';
  error: Error;
}

/**
 * An in-memory org with real TOTP checks (±1 step, single use), counting calls, so the engine's state
 * machine can be driven step by step without HTTP.
 */
export class FakeOrg {
  readonly users = new Map<string, FakeUser>();
  readonly calls: string[] = [];
  breakNext: Breakage[] = [];
  /** After the named call has acted in the org, the caller dies before it sees the answer (a kill). */
  killAfter?: { login: string; call: Breakage['call']; controller: AbortController };
  counter = 0;

  constructor(public nowMs: number) {}

  provider(): AdminProvider {
    return fakeProvider(this);
  }

  userById(id: string): FakeUser | undefined {
    return this.users.get(id);
  }

  /** A user someone else made (before Traykey's run, or while it ran). */
  addUser(login: string, createdMs = this.nowMs): FakeUser {
    const id = `u${++this.counter}`;
    const user = { id, login, created: new Date(createdMs).toISOString(), factors: [] };
    this.users.set(id, user);
    return user;
  }

  countCalls(prefix: string): number {
    return this.calls.filter((entry) => entry.startsWith(prefix)).length;
  }
}

export const stepsInOrder: EnrolStep[] = ['pending', 'created', 'factor-enrolled', 'activated', 'verified', 'saved'];

function orgUser(user: FakeUser): OrgUser {
  return { id: user.id, logins: [user.login], created: user.created };
}

function fakeProvider(org: FakeOrg): AdminProvider {
  const call = (name: Breakage['call'] | 'findUser' | 'getUser' | 'factorState' | 'deleteUser' | 'resetFactor', login: string) => {
    org.calls.push(`${name} ${login}`);
    const index = org.breakNext.findIndex((entry) => entry.call === name);
    if (index >= 0) {
      const [broken] = org.breakNext.splice(index, 1);
      throw broken!.error;
    }
  };
  const after = (name: Breakage['call'], login: string) => {
    if (org.killAfter?.login !== login || org.killAfter.call !== name) return;
    org.killAfter.controller.abort(new Error('killed'));
    throw org.killAfter.controller.signal.reason;
  };
  const factorOf = (userId: string, factorId: string) => org.userById(userId)?.factors.find((factor) => factor.id === factorId);
  const check = (userId: string, factorId: string, code: string) => {
    const factor = factorOf(userId, factorId);
    if (!factor) throw appError('NOT_FOUND', 'no factor');
    const now = timeStep(org.nowMs, 30);
    for (const step of [now - 1, now, now + 1]) {
      if (codeForStep({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: factor.secret }, step) !== code) continue;
      if (factor.usedSteps.has(step)) throw appError('IDP_ERROR', 'replayed', { providerCode: 'E0000082' });
      factor.usedSteps.add(step);
      return factor;
    }
    throw appError('IDP_ERROR', 'wrong code', { providerCode: 'E0000068' });
  };
  return {
    kind: 'okta',
    issuer: 'fake.example',
    serverNow: () => org.nowMs,
    async findUser(login) {
      call('findUser', login);
      const user = [...org.users.values()].find((entry) => entry.login === login);
      return user ? orgUser(user) : undefined;
    },
    async getUser(userId) {
      call('getUser', userId);
      const user = org.userById(userId);
      return user ? orgUser(user) : undefined;
    },
    async createUser(record) {
      call('createUser', record.login);
      if ([...org.users.values()].some((user) => user.login === record.login)) throw Object.assign(appError('IDP_ERROR', 'login exists', { providerCode: 'E0000001' }), { httpStatus: 400 });
      const user = org.addUser(record.login);
      after('createUser', record.login);
      return orgUser(user);
    },
    async enrolTotp(record): Promise<EnrolledFactor> {
      call('enrolTotp', record.login);
      const user = org.userById(record.userId)!;
      user.factors = user.factors.filter((factor) => factor.active);
      const factor = { id: `f${++org.counter}`, secret: `JBSWY3DPEHPK3PX${String.fromCharCode(65 + (org.counter % 26))}`, active: false, usedSteps: new Set<number>() };
      user.factors.push(factor);
      after('enrolTotp', record.login);
      return { factorId: factor.id, secret: factor.secret, digits: 6, period: 30 };
    },
    async factorState(record): Promise<FactorState> {
      call('factorState', record.login);
      const factor = factorOf(record.userId, record.factorId);
      return factor ? (factor.active ? 'active' : 'pending') : 'missing';
    },
    async activate(record, code) {
      call('activate', record.login);
      check(record.userId, record.factorId, code).active = true;
      after('activate', record.login);
    },
    async verify(record, code) {
      call('verify', record.login);
      const factor = check(record.userId, record.factorId, code);
      if (!factor.active) throw appError('IDP_ERROR', 'not active');
      after('verify', record.login);
    },
    isFatal: (error) => (error as { providerCode?: string }).providerCode === 'E0000011',
    isCodeRejected: (error) => ['E0000068', 'E0000082'].includes((error as { providerCode?: string }).providerCode ?? ''),
    listFactors: async () => [],
    resetFactor: async (record, factorId) => {
      call('resetFactor', record.login);
      const user = org.userById(record.userId);
      if (user) user.factors = user.factors.filter((factor) => factor.id !== factorId);
    },
    deleteUser: async (userId) => {
      call('deleteUser', userId);
      org.users.delete(userId);
    },
  };
}
