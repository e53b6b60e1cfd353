import { IdpError } from '../errors';

/** JSON answers from Okta and Auth0 are a few KiB; 1 MiB leaves room for a page of 200 users. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Enrolment QR images are a few KiB too; this is the larger allowance for `bytes()`. */
export const IMAGE_BODY_LIMIT = 2 * 1024 * 1024;

const mebibytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;

/** The fault for an answer larger than its call type allows; never retried. */
export function bodyTooLarge(host: string, what: string, limit: number): IdpError {
  return new IdpError({
    code: 'SERVER_FAULT',
    message: `${host} answered ${what} with more than ${mebibytes(limit)}, far more than such an answer holds, so Traykey stopped reading: check the address points at the identity provider, or try again later.`,
  });
}

/** Thrown by `readBoundedBody` past the limit; the caller turns it into `bodyTooLarge`. */
export class BodyLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`body exceeded ${limit} bytes`);
    this.name = 'BodyLimitExceeded';
  }
}

/**
 * Reads a response body chunk by chunk and cancels the stream as soon as it passes `limit` bytes
 * (or at once when Content-Length says it will), so an endless or huge answer costs at most the
 * limit plus one chunk of memory instead of everything the server cares to send.
 */
export async function readBoundedBody(response: Response, limit: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyLimitExceeded(limit);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyLimitExceeded(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
