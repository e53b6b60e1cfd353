import { z } from 'zod';
import { appError } from '../../../../shared/errors';
import type { HttpClient, HttpMethod, RequestOptions } from '../http/client';
import { malformedResponse } from '../errors';
import { findLink } from './links';
import { FactorVerifyResult, TotpActivation, UserFactor } from './schemas';

/** What an admin needs to compute codes for a freshly enrolled TOTP factor. */
export interface TotpEnrolment {
  factor: UserFactor;
  sharedSecret: string;
  encoding: 'base32' | 'base64';
  timeStep: number;
  keyLength: number;
  /**
   * Digits of the code. Okta's docs call keyLength "number of digits", but the Google
   * Authenticator example sends 16 (the secret's length), so only 6–8 is read as digits.
   */
  digits: number;
  /** The one-time QR image link; Okta serves it once. */
  qrcodeHref?: string;
}

/** Okta Factors API (/api/v1/users/{userId}/factors) with an API token. */
export class OktaFactorsClient {
  constructor(
    private readonly http: HttpClient,
    private readonly apiToken: string,
  ) {}

  list(userId: string, signal?: AbortSignal): Promise<UserFactor[]> {
    return this.http.json(this.base('GET', this.factorsPath(userId), signal), z.array(UserFactor));
  }

  async enrollTotp(userId: string, provider: 'GOOGLE' | 'OKTA', signal?: AbortSignal): Promise<TotpEnrolment> {
    const factor = await this.http.json(
      { ...this.base('POST', this.factorsPath(userId), signal), json: { factorType: 'token:software:totp', provider } },
      UserFactor,
    );
    const activation = TotpActivation.safeParse(factor._embedded?.activation);
    if (!activation.success) throw malformedResponse('Okta', this.http.host, 'the TOTP enrolment');
    const { sharedSecret, encoding, timeStep, keyLength } = activation.data;
    const qrcodeHref = activation.data._links?.qrcode?.href ?? factor._embedded?._links?.qrcode?.href;
    return {
      factor,
      sharedSecret,
      encoding,
      timeStep,
      keyLength,
      digits: keyLength >= 6 && keyLength <= 8 ? keyLength : 6,
      ...(qrcodeHref ? { qrcodeHref } : {}),
    };
  }

  /** Downloads the enrolment QR code (a PNG) from the link Okta gave. */
  async qrCode(href: string, signal?: AbortSignal): Promise<Uint8Array> {
    const request = { ...this.base('GET', '', signal), link: href, headers: { authorization: `SSWS ${this.apiToken}`, accept: 'image/png' } };
    const { bytes, contentType } = await this.http.bytes(request);
    if (contentType && !/image\/png/i.test(contentType)) throw malformedResponse('Okta', this.http.host, 'the QR code download');
    return bytes;
  }

  /** Completes enrolment with a code from the shared secret (POST …/lifecycle/activate). */
  activate(userId: string, factor: UserFactor, passCode: string, signal?: AbortSignal): Promise<UserFactor> {
    const href = findLink(factor._links, 'activate')?.href ?? findLink(factor._links, 'next', 'activate')?.href;
    const request = { ...this.base('POST', `${this.factorPath(userId, factor.id)}/lifecycle/activate`, signal), ...(href ? { link: href } : {}) };
    return this.http.json({ ...request, json: { passCode }, secrets: [this.apiToken, passCode] }, UserFactor);
  }

  /** Verifies a code against an active factor; a wrong code is an E0000068 error, not a result. */
  verify(userId: string, factorId: string, passCode: string, signal?: AbortSignal): Promise<z.infer<typeof FactorVerifyResult>> {
    return this.http.json(
      { ...this.base('POST', `${this.factorPath(userId, factorId)}/verify`, signal), json: { passCode }, secrets: [this.apiToken, passCode] },
      FactorVerifyResult,
    );
  }

  delete(userId: string, factorId: string, signal?: AbortSignal): Promise<void> {
    return this.http.empty(this.base('DELETE', this.factorPath(userId, factorId), signal));
  }

  private factorsPath(userId: string): string {
    return `/api/v1/users/${encodeURIComponent(userId)}/factors`;
  }

  private factorPath(userId: string, factorId: string): string {
    if (!factorId) throw appError('INVALID_INPUT', 'A factor id is needed: list the user’s factors first.');
    return `${this.factorsPath(userId)}/${encodeURIComponent(factorId)}`;
  }

  private base(method: HttpMethod, path: string, signal: AbortSignal | undefined): RequestOptions {
    return { method, path, headers: { authorization: `SSWS ${this.apiToken}` }, secrets: [this.apiToken], ...(signal ? { signal } : {}) };
  }
}
