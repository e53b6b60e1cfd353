import { z } from 'zod';
import type { Router } from '../http/router';
import type { SimReply } from '../http/types';
import { isoTime } from '../ids';
import { createChallenge, createTamperedChallenge, settleChallenge } from './challenges';
import { USER_VERIFICATION, type OktaPushState } from './state';

const settingsSchema = z.object({
  myAccountEnabled: z.boolean(),
  passwordGrant: z.boolean(),
  autoApproveLoginHint: z.boolean(),
  allowedPlatforms: z.array(z.string().min(1)),
  cibaIntervalSeconds: z.number().int().min(1).max(60),
  challengeTtlSeconds: z.number().int().min(1).max(3600),
  userVerification: z.enum(USER_VERIFICATION),
}).partial();

const answerSchema = z.object({ login: z.string().min(1), answer: z.enum(['approve', 'deny']) });

const challengeSchema = z.object({
  login: z.string().min(1),
  transactionType: z.enum(['LOGIN', 'CIBA']).default('LOGIN'),
  appInstanceName: z.string().min(1).default('Okta Dashboard'),
  clientOS: z.string().default('MAC_OS_X'),
  clientLocation: z.string().default('San Francisco, California, United States'),
  bindingMessage: z.string().optional(),
  userVerification: z.enum(USER_VERIFICATION).optional(),
  tamper: z.enum(['foreign-key', 'expired', 'replay', 'other-enrollment']).optional(),
});

/**
 * Simulator-only routes for the custom authenticator (never part of Okta's API): org settings, a
 * sign-in challenge as an Identity Engine policy would send, spoiled challenges, a device answer
 * without a response JWT, and a view of the state.
 */
export function registerOktaPushControlRoutes(router: Router, state: OktaPushState): void {
  router.add('GET', '/__sim/okta-push/settings', () => ({ status: 200, json: state.settings }));
  router.add('PUT', '/__sim/okta-push/settings', (req) => {
    const parsed = settingsSchema.safeParse(req.body);
    if (!parsed.success) return badRequest('Send any of {"myAccountEnabled", "passwordGrant", "autoApproveLoginHint", "allowedPlatforms", "cibaIntervalSeconds", "challengeTtlSeconds", "userVerification"}.');
    Object.assign(state.settings, parsed.data);
    return { status: 200, json: state.settings };
  });
  router.add('POST', '/__sim/okta-push/challenges', async (req) => {
    const parsed = challengeSchema.safeParse(req.body);
    if (!parsed.success) return badRequest('Send {"login", "transactionType"?, "appInstanceName"?, "clientOS"?, "clientLocation"?, "bindingMessage"?, "userVerification"?, "tamper"?}.');
    const { login, tamper, ...input } = parsed.data;
    const user = state.org.findUser(login);
    const enrollments = user ? [...state.enrollments.values()].filter((e) => e.userId === user.id) : [];
    if (enrollments.length === 0) return { status: 409, json: { error: 'not_enrolled', message: 'The user has no custom-authenticator enrolment.' } };
    const details = { ...input, authorizationServer: 'org' };
    try {
      const created = await Promise.all(enrollments.map((e) => (tamper ? createTamperedChallenge(state, e, details, tamper) : createChallenge(state, e, details))));
      return { status: 201, json: created.map((c) => ({ transactionId: c.transactionId, enrollmentId: c.enrollmentId, expiresAt: isoTime(c.expiresAt), tampered: c.tampered === true })) };
    } catch (error) {
      return { status: 409, json: { error: 'cannot_tamper', message: error instanceof Error ? error.message : 'The challenge could not be made.' } };
    }
  });
  router.add('POST', '/__sim/okta-push/answer', (req) => {
    const parsed = answerSchema.safeParse(req.body);
    if (!parsed.success) return badRequest('Send {"login": "...", "answer": "approve" | "deny"}.');
    const user = state.org.findUser(parsed.data.login);
    if (!user) return { status: 404, json: { error: 'unknown_user', message: 'No user with that login in this org.' } };
    const oldest = [...state.enrollments.values()]
      .filter((e) => e.userId === user.id)
      .flatMap((e) => state.waitingChallenges(e.id))
      .filter((c) => !c.tampered)
      .sort((a, b) => a.createdAt - b.createdAt)[0];
    if (!oldest) return { status: 409, json: { error: 'nothing_waiting', message: 'The user has no custom-authenticator challenge waiting.' } };
    settleChallenge(state, oldest, parsed.data.answer === 'approve' ? 'approved' : 'denied');
    return { status: 200, json: { answered: { transactionId: oldest.transactionId, transactionType: oldest.transactionType, answer: parsed.data.answer } } };
  });
  router.add('GET', '/__sim/okta-push/state', () => ({
    status: 200,
    json: {
      enrollments: [...state.enrollments.values()].map((e) => ({ id: e.id, userId: e.userId, platform: e.device.platform, transactionTypes: e.transactionTypes, userVerificationKey: e.userVerification?.kid ?? null })),
      challenges: [...state.challenges.values()].map((c) => ({
        transactionId: c.transactionId,
        enrollmentId: c.enrollmentId,
        transactionType: c.transactionType,
        userVerification: c.userVerification,
        expiresAt: isoTime(c.expiresAt),
        answer: c.answer ?? null,
        response: c.response ?? null,
        tampered: c.tampered === true,
      })),
      cibaRequests: [...state.cibaRequests.values()].map((r) => ({ id: r.id, userId: r.userId, answer: r.answer ?? null, expiresAt: isoTime(r.expiresAt), intervalSeconds: r.intervalSeconds })),
    },
  }));
}

function badRequest(message: string): SimReply {
  return { status: 400, json: { error: 'bad_request', message } };
}
