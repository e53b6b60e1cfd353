import { z } from 'zod';
import type { Router } from '../http/router';
import type { SimReply } from '../http/types';
import type { Auth0State } from './state';

const answerSchema = z
  .object({ username: z.string().min(1).optional(), email: z.string().min(1).optional(), answer: z.enum(['approve', 'deny']) })
  .refine((v) => v.username !== undefined || v.email !== undefined);

/** The simulated Guardian phone: answers the user's oldest waiting push (challenge or enrolment). */
export function answerGuardian(state: Auth0State, who: string, answer: 'approve' | 'deny'): SimReply {
  const user = state.findUser(who);
  if (!user) return { status: 404, json: { error: 'unknown_user', message: 'No user with that username or email in this tenant.' } };
  const tx = state.pushes.answerOldest(user.userId, answer);
  if (!tx) return { status: 409, json: { error: 'nothing_waiting', message: 'The user has no push waiting for an answer.' } };
  return { status: 200, json: { answered: { id: tx.id, answer } } };
}

export function registerAuth0ControlRoutes(router: Router, state: Auth0State): void {
  router.add('POST', '/__sim/guardian/answer', (req) => {
    const parsed = answerSchema.safeParse(req.body);
    if (!parsed.success) return { status: 400, json: { error: 'bad_request', message: 'Send {"username" or "email": "...", "answer": "approve" | "deny"}.' } };
    return answerGuardian(state, parsed.data.username ?? parsed.data.email ?? '', parsed.data.answer);
  });
  router.add('GET', '/__sim/sms/outbox', (req) => {
    const phone = req.query.get('phone_number');
    const messages = state.smsOutbox.filter((m) => phone === null || m.phoneNumber === phone);
    return { status: 200, json: messages.map((m) => ({ phone_number: m.phoneNumber, code: m.code, sent_at: new Date(m.sentAt).toISOString() })) };
  });
}
