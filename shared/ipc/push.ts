import { z } from 'zod';
import { call } from './define';

/**
 * A sign-in or confirmation request waiting on this computer, already verified by main. The renderer
 * shows it; only an explicit Approve or Deny answers it.
 */
export const pendingChallenge = z.object({
  id: z.string(),
  org: z.string(),
  /** The org as people know it (the custom authenticator's name from discovery), when it has one. */
  orgName: z.string().nullable(),
  /** The enrolled user's login: who is being signed in. */
  user: z.string().nullable(),
  app: z.string().nullable(),
  transactionType: z.enum(['LOGIN', 'CIBA']),
  /** Shown whenever present: the requester's words the person must compare. */
  bindingMessage: z.string().nullable(),
  clientOS: z.string().nullable(),
  location: z.string().nullable(),
  transactionTime: z.string().nullable(),
  /** Epoch ms (local clock) after which the request is gone. */
  expiresAt: z.number(),
  /** Approve first asks the OS to verify the person (Touch ID). */
  verifies: z.boolean(),
  /** Epoch ms of the sign-in attempt (the org's transaction time, else when it arrived here). */
  requestedAt: z.number(),
  /** The person never approved a request from this OS / this location with this enrolment. */
  newOS: z.boolean(),
  newLocation: z.boolean(),
  /** Another request for the same user came within seconds of this one (push bombing). */
  burst: z.boolean(),
});
export type PendingChallengeData = z.infer<typeof pendingChallenge>;

export const pushEnrolment = z.object({
  id: z.string(),
  org: z.string(),
  username: z.string().nullable(),
  authenticator: z.string().nullable(),
  createdAt: z.number(),
  /** Approvals can be signed with a key only the OS's verification (Touch ID) unlocks. */
  userVerification: z.boolean(),
});
export type PushEnrolmentData = z.infer<typeof pushEnrolment>;

/** An org the organisation set up for approvals that this computer has not enrolled yet. */
export const approvalOffer = z.object({ org: z.string(), clientId: z.string(), name: z.string() });
export type ApprovalOffer = z.infer<typeof approvalOffer>;
export const approvalSetUpSchema = z.object({
  offers: z.array(approvalOffer),
  /** Whether the person may also enrol an org the organisation did not list. */
  otherOrgsAllowed: z.boolean(),
  /** The OS prompt this computer can confirm the person with ("Touch ID"), or null where it has none. */
  userVerifier: z.string().nullable(),
});
export type ApprovalSetUp = z.infer<typeof approvalSetUpSchema>;

const challengeId = z.object({ id: z.string().min(1).max(200) }).strict();
const orgUrl = z.string().url().max(2048);

export const pushCalls = {
  'push:pending': call({ passive: true,
    summary: 'Sign-in requests waiting for an answer here (the person is looking: polling speeds up).',
    request: z.object({}).strict(),
    response: z.object({
      challenges: z.array(pendingChallenge),
      /** The request whose notification the person clicked, once: the popup shows it. */
      focus: z.string().nullable(),
    }),
  }),
  'push:approve': call({
    summary: 'Approve one waiting request, as the person chose (after the OS verified them when the org demands it).',
    request: challengeId,
    response: z.object({ result: z.enum(['approved', 'verification-cancelled', 'verification-temporarily-unavailable', 'verification-unavailable']), message: z.string() }),
  }),
  'push:deny': call({ summary: 'Deny one waiting request, as the person chose.', request: challengeId, response: z.object({ result: z.literal('denied') }) }),
  'push:enrolments': call({ passive: true, summary: 'The Okta orgs this computer approves sign-ins for.', request: z.object({}).strict(), response: z.array(pushEnrolment) }),
  'push:setUp': call({ passive: true, summary: 'The orgs the organisation set up for approvals that are not enrolled yet, whether others may be, and this computer’s user-verification prompt.', request: z.object({}).strict(), response: approvalSetUpSchema }),
  'push:enrol': call({
    summary: 'Enrol this computer with an Okta org (sign-in in the system browser).',
    request: z.object({ org: orgUrl, clientId: z.string().min(1).max(200) }).strict(),
    response: pushEnrolment,
  }),
  'push:userVerification': call({
    summary: 'Add (after the OS verified the person) or remove the user-verification key of an enrolment (fresh sign-in in the browser).',
    request: z.object({ org: orgUrl, enabled: z.boolean() }).strict(),
    response: pushEnrolment,
  }),
  'push:remove': call({ summary: 'Remove an enrolment, here and at the org (fresh sign-in in the browser).', request: z.object({ org: orgUrl }).strict(), response: z.object({}) }),
};
