/**
 * A company's Traykeys polling one Okta org over a working day, on a virtual clock, against the
 * simulator's org-wide bucket model (test/sim/rate-limit.ts). Each enrolment runs the app's own
 * cadence functions (nextPollDelay, adaptToRate) on its own state; people arrive, lock for breaks,
 * open the popup for codes, and start sign-ins that the org turns into push challenges. No HTTP:
 * the bucket is the shared resource being measured, and 50,000 real connections would measure the
 * machine instead.
 */
import { RateLimiter } from '../../sim/rate-limit';
import { seededRandom } from '../qr-corpus/prng';
import { afterPoll, initialCadenceState, isFast, nextPollDelay, type CadencePolicy, type CadenceState } from '../../../electron/core/push/poll-cadence';
import { EventQueue } from './event-queue';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const POLL_PATH = '/idp/myaccount/app-authenticators/pfd/push/notifications';
/** Time for a poll to come back with the list, on a typical office connection. */
const ROUND_TRIP_MS = 120;
/** A sign-in this soon after an unlock counts as "just after unlock" (fixed here, whatever the cadence does). */
const JUST_UNLOCKED_MS = 30_000;

export interface FleetOptions {
  enrolments: number;
  bucketPerMinute: number;
  policy: CadencePolicy;
  seed?: number;
}

export interface FleetFigures {
  enrolments: number;
  hours: number;
  requests: number;
  limited: number;
  /** Accepted requests over the bucket's capacity, over the day and in the busiest minute. */
  meanUtilisation: number;
  peakUtilisation: number;
  pollsPerEnrolmentHour: number;
  /** Sign-ins started while the popup was open or just after unlock, and all others. */
  watched: number[];
  unwatched: number[];
  /** For each of the others: the idle interval in force when it started, and its delay over that interval. */
  idleInForce: number[];
  unwatchedOverIdle: number[];
  maxSlowdown: number;
  maxFastSlowdown: number;
  /** Share of polls made at the fast and at the warm cadence (the rest are idle polls). */
  fastShare: number;
  warmShare: number;
}

type Event =
  | { kind: 'poll'; who: number; version: number }
  | { kind: 'unlock' | 'lock' | 'popup-open' | 'popup-close' | 'sign-in' | 'answer'; who: number };

interface Person {
  state: CadenceState;
  version: number;
  nextPollAt: number;
  unlockedAt: number;
  popupOpen: boolean;
  /** Sign-ins the org holds for this person that no poll has delivered yet. */
  waiting: { started: number; watched: boolean; idleInForce: number }[];
}

/** The working day of one person: arrival, breaks, popup uses and sign-ins, as events. */
function planDay(queue: EventQueue<Event>, who: number, dayStart: number, random: () => number): void {
  const at = (offset: number) => dayStart + offset;
  const arrive = 90 * MINUTE * random();
  const leave = 9 * HOUR + 30 * MINUTE * random();
  queue.push(at(arrive), { kind: 'unlock', who });
  // Most people sign in to something soon after they sit down, and many of those sign-ins need a push.
  if (random() < 0.8) queue.push(at(arrive + MINUTE + 3 * MINUTE * random()), { kind: 'sign-in', who });
  const lunch = 4 * HOUR + HOUR * random();
  const breaks: [number, number][] = [
    [lunch, 30 * MINUTE + 30 * MINUTE * random()],
    [arrive + 1.5 * HOUR + HOUR * random(), 5 * MINUTE + 10 * MINUTE * random()],
    [lunch + 2 * HOUR + HOUR * random(), 5 * MINUTE + 10 * MINUTE * random()],
  ];
  for (const [start, length] of breaks) {
    queue.push(at(start), { kind: 'lock', who });
    queue.push(at(start + length), { kind: 'unlock', who });
    if (random() < 0.5) queue.push(at(start + length + MINUTE * random() * 2), { kind: 'sign-in', who });
  }
  for (let i = 0; i < 8; i += 1) {
    const start = arrive + (leave - arrive) * random();
    queue.push(at(start), { kind: 'popup-open', who });
    queue.push(at(start + 15_000), { kind: 'popup-close', who });
  }
  for (let i = 0; i < 3; i += 1) {
    const start = arrive + (leave - arrive) * random();
    queue.push(at(start), { kind: 'sign-in', who });
    // Sign-ins come in bursts: one app after another.
    if (random() < 0.25) queue.push(at(start + 30_000 + 90_000 * random()), { kind: 'sign-in', who });
  }
  queue.push(at(leave), { kind: 'lock', who });
}

export function runFleet(options: FleetOptions): FleetFigures {
  const random = seededRandom(options.seed ?? 15);
  const jitter = seededRandom((options.seed ?? 15) + 1);
  const policy = options.policy;
  const dayStart = Date.UTC(2026, 10, 23, 8, 0, 0);
  const hours = 10;
  const end = dayStart + hours * HOUR;
  let now = dayStart;
  const bucket = new RateLimiter([{ path: '/**', limit: options.bucketPerMinute, windowMs: MINUTE }], () => now);
  const queue = new EventQueue<Event>();
  const people: Person[] = [];
  for (let who = 0; who < options.enrolments; who += 1) {
    // Overnight the machine is locked: no polls until the person arrives.
    people.push({ state: initialCadenceState({ paused: true }), version: 0, nextPollAt: Number.POSITIVE_INFINITY, unlockedAt: 0, popupOpen: false, waiting: [] });
    planDay(queue, who, dayStart, random);
  }

  const perMinute = new Map<number, number>();
  let requests = 0;
  let limited = 0;
  let maxSlowdown = 1;
  let maxFastSlowdown = 1;
  let fastPolls = 0;
  let warmPolls = 0;
  const watched: number[] = [];
  const unwatched: number[] = [];
  const idleInForce: number[] = [];
  const unwatchedOverIdle: number[] = [];

  const schedule = (who: number, person: Person, delay: number | null) => {
    person.version += 1;
    if (delay === null) {
      person.nextPollAt = Number.POSITIVE_INFINITY;
      return;
    }
    person.nextPollAt = now + delay;
    queue.push(person.nextPollAt, { kind: 'poll', who, version: person.version });
  };
  /** As PollLoop.activity/resume: poll now, or sooner when the next poll is further than the fast interval. */
  const hurry = (who: number, person: Person, immediately: boolean) => {
    if (person.state.paused) return;
    if (immediately) schedule(who, person, Math.max(0, person.state.notBefore - now));
    else if (person.nextPollAt - now > policy.activeIntervalMs) schedule(who, person, nextPollDelay(person.state, now, jitter, policy));
  };

  for (let next = queue.pop(); next && next.at <= end; next = queue.pop()) {
    now = next.at;
    const event = next.item;
    const person = people[event.who];
    if (!person) continue;
    switch (event.kind) {
      case 'poll': {
        if (event.version !== person.version || person.state.paused) break;
        const verdict = bucket.consume('GET', POLL_PATH);
        requests += 1;
        if (isFast(person.state, now)) fastPolls += 1;
        else if (now < person.state.burstUntil) warmPolls += 1;
        const allowed = verdict?.allowed ?? true;
        if (!allowed) limited += 1;
        const minute = Math.floor((now - dayStart) / MINUTE);
        if (allowed) perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
        // As EnrolmentConnection reads the answer: a 429 or an emptied bucket names the reset as the earliest next poll.
        const resetAt = verdict ? verdict.reset * 1000 : undefined;
        const spent = verdict !== undefined && (!allowed || verdict.remaining === 0);
        afterPoll(
          person.state,
          { ok: true, ...(spent ? { notBefore: resetAt } : {}), ...(verdict ? { rate: { limited: !allowed, limit: verdict.limit, remaining: verdict.remaining, resetAt: verdict.reset * 1000 } } : {}) },
          now,
          jitter,
          policy,
        );
        maxSlowdown = Math.max(maxSlowdown, person.state.slowdown.idle);
        maxFastSlowdown = Math.max(maxFastSlowdown, person.state.slowdown.fast);
        if (allowed && person.waiting.length > 0) {
          for (const signIn of person.waiting) {
            const delay = now + ROUND_TRIP_MS - signIn.started;
            if (signIn.watched) {
              watched.push(delay);
              continue;
            }
            unwatched.push(delay);
            idleInForce.push(signIn.idleInForce);
            unwatchedOverIdle.push(delay / signIn.idleInForce);
          }
          person.waiting = [];
          // A request arrived: more tend to follow, and the person opens the popup to answer it.
          person.state.burstUntil = Math.max(person.state.burstUntil, now + policy.burstWindowMs);
          queue.push(now + 2_000, { kind: 'popup-open', who: event.who });
          queue.push(now + 8_000, { kind: 'answer', who: event.who });
          queue.push(now + 10_000, { kind: 'popup-close', who: event.who });
        }
        schedule(event.who, person, nextPollDelay(person.state, now, jitter, policy));
        break;
      }
      case 'unlock':
        person.state.paused = false;
        person.unlockedAt = now;
        person.state.fastUntil = Math.max(person.state.fastUntil, now + policy.activeWindowMs);
        person.state.burstUntil = Math.max(person.state.burstUntil, now + policy.unlockWarmWindowMs);
        hurry(event.who, person, true);
        break;
      case 'lock':
        person.state.paused = true;
        person.popupOpen = false;
        person.state.watching = false;
        schedule(event.who, person, null);
        break;
      case 'popup-open':
        if (person.state.paused) break;
        person.popupOpen = true;
        person.state.watching = true;
        hurry(event.who, person, false);
        break;
      case 'popup-close':
        person.popupOpen = false;
        person.state.watching = false;
        break;
      case 'answer':
        person.state.burstUntil = Math.max(person.state.burstUntil, now + policy.burstWindowMs);
        break;
      case 'sign-in': {
        if (person.state.paused) break;
        const justUnlocked = now - person.unlockedAt < JUST_UNLOCKED_MS;
        person.waiting.push({ started: now, watched: person.popupOpen || justUnlocked, idleInForce: policy.idleIntervalMs * person.state.slowdown.idle });
        break;
      }
    }
  }

  const minutes = hours * 60;
  const counts = [...perMinute.values()];
  return {
    enrolments: options.enrolments,
    hours,
    requests,
    limited,
    meanUtilisation: (requests - limited) / (minutes * options.bucketPerMinute),
    peakUtilisation: Math.max(0, ...counts) / options.bucketPerMinute,
    pollsPerEnrolmentHour: requests / options.enrolments / hours,
    watched: watched.sort((a, b) => a - b),
    unwatched: unwatched.sort((a, b) => a - b),
    idleInForce: idleInForce.sort((a, b) => a - b),
    unwatchedOverIdle: unwatchedOverIdle.sort((a, b) => a - b),
    maxSlowdown,
    maxFastSlowdown,
    fastShare: requests === 0 ? 0 : fastPolls / requests,
    warmShare: requests === 0 ? 0 : warmPolls / requests,
  };
}
