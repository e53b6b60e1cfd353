import { z } from 'zod';
import type { Router } from '../http/router';
import type { SimReply } from '../http/types';
import { isoTime } from '../ids';
import { qrPng } from '../qr';
import { otpauthUri } from '../totp';
import type { OktaFactor } from './model';
import type { OktaOrg } from './org';

const answerSchema = z.object({ login: z.string().min(1), answer: z.enum(['approve', 'deny']) });

/** The simulated Okta Verify phone: answers the user's oldest waiting push (or enrolment). */
export function answerOktaVerify(org: OktaOrg, login: string, answer: 'approve' | 'deny'): SimReply {
  const user = org.findUser(login);
  if (!user) return { status: 404, json: { error: 'unknown_user', message: 'No user with that login in this org.' } };
  const tx = org.pushes.answerOldest(user.id, answer);
  if (!tx) return { status: 409, json: { error: 'nothing_waiting', message: 'The user has no push waiting for an answer.' } };
  const factor = org.factors.get(tx.data.factorId);
  if (tx.data.purpose === 'activate' && answer === 'approve' && factor) org.activateFactor(factor);
  return { status: 200, json: { answered: { id: tx.id, purpose: tx.data.purpose, factorId: tx.data.factorId, answer } } };
}

/** What the activation QR encodes: an otpauth URI for TOTP, an enrolment link for Okta Verify push. */
export function qrContent(org: OktaOrg, factor: OktaFactor): string {
  const login = org.users.get(factor.userId)?.profile.login ?? factor.userId;
  if (factor.factorType === 'push' || !factor.secret) {
    return `oktaverify://${encodeURIComponent(login)}/?t=${factor.qrToken}&f=${factor.id}&s=${encodeURIComponent(org.config.baseUrl)}`;
  }
  return otpauthUri({ issuer: org.config.name, label: login, secret: factor.secret });
}

export function registerControlRoutes(router: Router, org: OktaOrg): void {
  router.add('POST', '/__sim/okta-verify/answer', (req) => {
    const parsed = answerSchema.safeParse(req.body);
    if (!parsed.success) return { status: 400, json: { error: 'bad_request', message: 'Send {"login": "...", "answer": "approve" | "deny"}.' } };
    return answerOktaVerify(org, parsed.data.login, parsed.data.answer);
  });
  router.add('GET', '/__sim/okta-verify/pending', (req) => {
    const user = org.findUser(req.query.get('login') ?? '');
    if (!user) return { status: 404, json: { error: 'unknown_user', message: 'No user with that login in this org.' } };
    return {
      status: 200,
      json: org.pushes.waitingFor(user.id).map((tx) => ({ id: tx.id, purpose: tx.data.purpose, factorId: tx.data.factorId, expiresAt: isoTime(tx.expiresAt) })),
    };
  });
  router.add('GET', '/api/v1/users/:userId/factors/:factorId/qr/:token', async (req) => {
    const factor = org.factors.get(req.params.factorId ?? '');
    if (!factor || factor.userId !== req.params.userId || factor.qrToken !== req.params.token || factor.status !== 'PENDING_ACTIVATION') {
      return { status: 404, raw: { contentType: 'text/plain', data: 'Not found' } };
    }
    return { status: 200, raw: { contentType: 'image/png', data: await qrPng(qrContent(org, factor)) } };
  });
}
