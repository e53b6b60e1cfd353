import { appError, isAppError } from '../../../shared/errors';
import type { VaultLike } from '../accounts/accounts-service';
import { realTimers, type Notifier, type PowerEvents, type Timers, type UserVerifier } from '../capabilities';
import type { VerifiedChallenge } from './challenge';
import { DEFAULT_LEEWAY_MS } from './challenge-verify';
import { thisDevice, type DeviceInfo } from './device-info';
import { EnrolmentConnection } from './enrolment-connection';
import { enrolOrg, removeOrg, setUserVerification, type FlowDeps } from './enrolment-flow';
import type { SignInMethod } from './oidc-signin';
import { createOrgHttp, type PushHttpOptions } from './org-http';
import { PendingChallenges } from './pending-challenges';
import { PollLoop, type PollOutcome } from './poll-loop';
import type { CadencePolicy } from './poll-cadence';
import { logPushEvent, type PushLogEvent } from './push-log';
import { PushStore } from './push-store';
import type { ApprovedOrigin, StoredEnrolment } from './push-record';
import { judgeReplay, seenEntry, type ReplayVerdict } from './replay-guard';
import type { UserConsent } from './response-jwt';
import { approvalResultOf, consentAfterPrompt, planApproval, verifyPerson, type ApprovalResult, type VerifiedPerson } from './user-verification';

/** What is logged about push: never a challenge's contents, a token or a key. */

export interface PushServiceOptions {
  vault: VaultLike;
  now?: () => number;
  timers?: Timers;
  random?: () => number;
  notifier?: Notifier;
  power?: PowerEvents;
  http?: PushHttpOptions;
  device?: DeviceInfo;
  cadence?: CadencePolicy;
  leewayMs?: number;
  /** The OS prompt for user verification (Touch ID); absent where the platform offers none. */
  verifier?: UserVerifier;
  log?: (event: PushLogEvent) => void;
  /** The pending list or the enrolments changed (the renderer reloads, the tray badge updates). */
  onChange?: () => void;
  /** The person clicked a request's notification: show the popup on it. */
  onOpenRequest?: () => void;
}

interface Running {
  connection: EnrolmentConnection;
  loop: PollLoop;
}

/**
 * This machine as an Okta custom authenticator: one poll loop per enrolment, every challenge verified
 * before it is kept, answers only on an explicit approve or deny.
 */
export class PushService {
  private readonly store: PushStore;
  private readonly running = new Map<string, Running>();
  private readonly pending: PendingChallenges;
  private readonly listeners = new Set<(challenge: VerifiedChallenge) => void>();
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly device: DeviceInfo;
  private readonly leewayMs: number;
  private started = false;
  /** The request whose notification was clicked, until the popup has asked for it. */
  private focusId: string | null = null;
  private powerPaused = false;
  private popupOpen = false;
  private vaultOpen = true;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly options: PushServiceOptions) {
    this.store = new PushStore(options.vault);
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? realTimers;
    this.device = options.device ?? thisDevice();
    this.leewayMs = options.leewayMs ?? DEFAULT_LEEWAY_MS;
    this.pending = new PendingChallenges(this.now, this.timers, () => this.changed());
  }

  /** Starts background polling (the app); the CLI polls on demand instead. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const power = this.options.power;
    if (power) {
      this.unsubscribe.push(
        power.on('lock-screen', () => this.setPowerPaused(true)),
        power.on('suspend', () => this.setPowerPaused(true)),
        power.on('unlock-screen', () => this.setPowerPaused(false)),
        power.on('resume', () => this.setPowerPaused(false)),
      );
    }
    this.sync();
    // Enrolments known before start() (the CLI's watch, an enrolment made first) start polling now.
    for (const { loop } of this.running.values()) loop.start();
  }

  stop(): void {
    this.started = false;
    for (const off of this.unsubscribe.splice(0)) off();
    for (const { loop } of this.running.values()) loop.stop();
    this.running.clear();
    this.pending.clear();
  }

  /** The vault was locked or unlocked: keys are unreachable while locked, so polling pauses. */
  setVaultOpen(open: boolean): void {
    this.vaultOpen = open;
    if (!open) {
      this.pending.clear();
      for (const { loop } of this.running.values()) loop.pause();
      this.changed();
      return;
    }
    this.sync();
    if (!this.powerPaused) for (const { loop } of this.running.values()) loop.resume();
  }

  /** The person looked at the requests or answered one: poll at the fast cadence for a while. */
  activity(): void {
    for (const { loop } of this.running.values()) loop.activity();
  }

  /** The popup is open (a sign-in is likely while it is) or closed. Keyboard activity alone never counts. */
  setPopupOpen(open: boolean): void {
    this.popupOpen = open;
    for (const { loop } of this.running.values()) loop.setWatching(open);
  }

  enrolments(): StoredEnrolment[] {
    return this.store.enrolments();
  }

  /** Pending challenges, soonest expiry first; expired ones are already gone. */
  list(): VerifiedChallenge[] {
    return this.pending.list();
  }

  /** The request the person asked to see (by clicking its notification), handed out once. */
  takeFocus(): string | null {
    const id = this.focusId;
    this.focusId = null;
    return id !== null && this.pending.get(id) ? id : null;
  }

  /** Where the person approved from before, for flagging a request from somewhere new. */
  origins(): ApprovedOrigin[] {
    return this.store.origins();
  }

  /** Polls every enrolment once (joining a poll already running) and returns what is pending. */
  async pollAll(): Promise<VerifiedChallenge[]> {
    this.sync();
    await Promise.all([...this.running.values()].map(({ loop }) => loop.pollNow()));
    return this.list();
  }

  /** Called with every challenge the first time it is verified and kept. */
  onChallenge(listener: (challenge: VerifiedChallenge) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Answers the person's Approve as the challenge demands: a plain consent, or the OS prompt first and
   * then an answer signed with the user-verification key. Resolves once the org took the answer; a
   * cancelled or impossible verification is told to the org and resolves as not approved.
   */
  async approve(id: string): Promise<ApprovalResult> {
    const { challenge, running } = this.answerable(id);
    const enrolment = running.connection.enrolment;
    const verifier = this.options.verifier;
    const plan = planApproval(challenge.userVerification, enrolment.userVerification !== undefined, verifier);
    if (plan.kind === 'cannot-verify') return this.answerApproval(challenge, running, plan.consent);
    if (plan.kind === 'consent' || !verifier) return this.answerApproval(challenge, running, 'APPROVED_CONSENT_PROMPT');
    const proof = await verifyPerson(verifier, `approve ${challenge.app ? `the sign-in to ${challenge.app}` : 'a sign-in'} at ${new URL(challenge.orgUrl).host}`, { enrolmentId: enrolment.id, challengeId: challenge.id, nonce: challenge.nonce, expiresAt: challenge.expiresAt }, this.now);
    if (typeof proof === 'string') return this.answerApproval(challenge, running, consentAfterPrompt(challenge.userVerification, proof));
    return this.answerApproval(challenge, running, 'APPROVED_USER_VERIFICATION', proof);
  }

  /** Resolves once the org recorded the denial (204). Denying never asks the OS to verify. */
  async deny(id: string): Promise<'denied'> {
    const { challenge, running } = this.answerable(id);
    await this.answer(challenge, running, 'DENIED_CONSENT_PROMPT');
    return 'denied';
  }

  /** True when approving this challenge will first show the OS prompt. */
  willVerify(challenge: VerifiedChallenge): boolean {
    const enrolment = this.running.get(challenge.enrolmentId)?.connection.enrolment;
    return planApproval(challenge.userVerification, enrolment?.userVerification !== undefined, this.options.verifier).kind === 'verify';
  }

  /** The name of this machine's user-verification prompt, or undefined where there is none. */
  verifierName(): string | undefined {
    return this.options.verifier?.name;
  }

  /** Adds or removes the user-verification key of an existing enrolment (fresh sign-in at the org). */
  async setUserVerification(input: { orgUrl: string; enabled: boolean; signIn: SignInMethod }): Promise<StoredEnrolment> {
    const enrolment = await setUserVerification(this.flowDeps(), input);
    this.restart(enrolment.id);
    this.changed();
    return enrolment;
  }

  async enrol(input: { orgUrl: string; clientId: string; signIn: SignInMethod }): Promise<StoredEnrolment> {
    const enrolment = await enrolOrg(this.flowDeps(), input);
    this.sync();
    this.changed();
    return enrolment;
  }

  async remove(input: { orgUrl: string; signIn: SignInMethod }): Promise<StoredEnrolment> {
    const enrolment = await removeOrg(this.flowDeps(), input);
    this.sync();
    this.changed();
    return enrolment;
  }

  /** Starts polling a new enrolment, or stops a removed one, to match the vault. */
  sync(): void {
    if (!this.vaultOpen) return;
    const enrolments = this.store.enrolments();
    const ids = new Set(enrolments.map((e) => e.id));
    for (const [id, { loop }] of this.running) {
      if (ids.has(id)) continue;
      loop.stop();
      this.running.delete(id);
      this.pending.dropEnrolment(id);
    }
    for (const enrolment of enrolments) {
      if (this.running.has(enrolment.id)) continue;
      const connection = new EnrolmentConnection(enrolment, createOrgHttp(enrolment.orgUrl, { now: this.now, ...this.options.http }), this.device, this.now);
      const loop = new PollLoop({
        poll: () => this.pollEnrolment(connection),
        now: this.now,
        timers: this.timers,
        ...(this.options.random ? { random: this.options.random } : {}),
        ...(this.options.cadence ? { policy: this.options.cadence } : {}),
      });
      this.running.set(enrolment.id, { connection, loop });
      if (this.popupOpen) loop.setWatching(true);
      if (this.powerPaused) loop.pause();
      if (this.started) loop.start();
    }
  }

  private flowDeps(): FlowDeps {
    return { store: this.store, device: this.device, now: this.now, ...(this.options.http ? { http: this.options.http } : {}), ...(this.options.verifier ? { verifier: this.options.verifier } : {}) };
  }

  /** A changed enrolment (new keys) gets a fresh connection; its pending requests are fetched again. */
  private restart(enrolmentId: string): void {
    const running = this.running.get(enrolmentId);
    if (!running) return;
    running.loop.stop();
    this.running.delete(enrolmentId);
    this.pending.dropEnrolment(enrolmentId);
    this.sync();
  }

  private answerable(id: string): { challenge: VerifiedChallenge; running: Running } {
    const challenge = this.pending.get(id);
    const running = challenge ? this.running.get(challenge.enrolmentId) : undefined;
    if (!challenge || !running) throw appError('NOT_FOUND', 'That sign-in request is no longer pending: it was answered, expired or withdrawn.');
    running.loop.expectMore();
    return { challenge, running };
  }

  private async answerApproval(challenge: VerifiedChallenge, running: Running, consent: Exclude<UserConsent, 'DENIED_CONSENT_PROMPT'>, verified?: VerifiedPerson): Promise<ApprovalResult> {
    await this.answer(challenge, running, consent, verified);
    return approvalResultOf(consent);
  }

  private async answer(challenge: VerifiedChallenge, running: Running, consent: UserConsent, verified?: VerifiedPerson): Promise<void> {
    const id = challenge.id;
    await running.connection.answer(challenge, consent, verified);
    this.pending.remove(id);
    await this.store.updateSeen(this.now(), (seen) => {
      for (const entry of seen) if (entry.enrolmentId === challenge.enrolmentId && entry.transactionId === challenge.id) entry.answered = true;
    });
    if (consent === 'APPROVED_CONSENT_PROMPT' || consent === 'APPROVED_USER_VERIFICATION') {
      await this.store.rememberOrigin({ enrolmentId: challenge.enrolmentId, clientOS: challenge.clientOS, location: challenge.location, lastApprovedAt: this.now() });
    }
    this.changed();
  }

  private async pollEnrolment(connection: EnrolmentConnection): Promise<PollOutcome> {
    const enrolmentId = connection.enrolment.id;
    try {
      const fetched = await connection.fetchPending();
      const listed = new Set<string>();
      const fresh: VerifiedChallenge[] = [];
      for (const jwt of fetched.jwts) {
        const outcome = await connection.verify(jwt, this.leewayMs);
        if (!outcome.ok) {
          this.log({ kind: 'challenge-rejected', enrolmentId, reason: outcome.reason });
          continue;
        }
        if ((await this.replayVerdict(outcome.challenge)) === 'replayed') {
          this.log({ kind: 'challenge-rejected', enrolmentId, reason: 'replayed' });
          continue;
        }
        listed.add(outcome.challenge.id);
        if (this.pending.add(outcome.challenge)) fresh.push(outcome.challenge);
      }
      const withdrawn = fetched.rateLimited ? false : this.pending.retain(enrolmentId, listed);
      if (fresh.length > 0 || withdrawn) this.changed();
      if (fresh.length > 0) this.running.get(enrolmentId)?.loop.expectMore();
      for (const challenge of fresh) this.announce(challenge);
      return { ok: true, rate: fetched.rate, ...(fetched.notBefore !== undefined ? { notBefore: fetched.notBefore } : {}) };
    } catch (error) {
      this.log({ kind: 'poll-failed', enrolmentId, code: isAppError(error) ? error.code : 'INTERNAL' });
      return { ok: false };
    }
  }

  private async replayVerdict(challenge: VerifiedChallenge): Promise<ReplayVerdict> {
    const known = this.pending.get(challenge.id);
    if (known && known.nonce === challenge.nonce && known.enrolmentId === challenge.enrolmentId) return 'pending';
    return this.store.updateSeen(this.now(), (seen, historyFrom) => {
      const verdict = judgeReplay(seen, challenge, historyFrom);
      if (verdict === 'new') seen.push(seenEntry(challenge, this.leewayMs));
      return verdict;
    });
  }

  private announce(challenge: VerifiedChallenge): void {
    const notifier = this.options.notifier;
    if (notifier?.isSupported()) {
      const what = challenge.transactionType === 'CIBA' ? 'A request to confirm' : 'A sign-in';
      notifier.notify({
        title: 'Traykey: approve or deny',
        body: `${what}${challenge.app ? ` for ${challenge.app}` : ''} is waiting in Traykey.`,
        onClick: () => {
          this.focusId = challenge.id;
          this.options.onOpenRequest?.();
        },
      });
    }
    for (const listener of [...this.listeners]) listener(challenge);
  }

  private setPowerPaused(paused: boolean): void {
    this.powerPaused = paused;
    for (const { loop } of this.running.values()) {
      if (paused) loop.pause();
      else if (this.vaultOpen) loop.resume();
    }
  }

  private log(event: PushLogEvent): void {
    (this.options.log ?? logPushEvent)(event);
  }

  private changed(): void {
    this.options.onChange?.();
  }
}
