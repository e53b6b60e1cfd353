import { describe, expect, it } from 'vitest';
import { levelFromEnv, Logger, rememberDocumentSecrets, SecretRegistry } from '../../../electron/core/log';
import { redactLogText } from '../../../electron/core/log/redact-log';

function capture(level: 'debug' | 'info' | 'warn' | 'error', registry = new SecretRegistry()) {
  const lines: string[] = [];
  const logger = new Logger({ level, sink: (line) => lines.push(line), secrets: registry, now: () => Date.UTC(2026, 10, 23) });
  return { lines, logger, registry };
}

describe('levelFromEnv', () => {
  it('reads TRAYKEY_LOG and defaults to warn', () => {
    expect(levelFromEnv({ TRAYKEY_LOG: 'debug' })).toBe('debug');
    expect(levelFromEnv({ TRAYKEY_LOG: ' ERROR ' })).toBe('error');
    expect(levelFromEnv({})).toBe('warn');
    expect(levelFromEnv({ TRAYKEY_LOG: 'verbose' })).toBe('warn');
  });
});

describe('Logger', () => {
  it('writes only lines at or above its level, with time, level and fields', () => {
    const { lines, logger } = capture('info');
    logger.debug('hidden');
    logger.info('vault saved', { ms: 3.5, mode: 'keychain' });
    logger.error('boom');
    expect(lines).toEqual(['2026-11-23T00:00:00.000Z INFO vault saved ms=3.5 mode="keychain"\n', '2026-11-23T00:00:00.000Z ERROR boom\n']);
  });

  it('redacts registered secret values in messages and fields', () => {
    const { lines, logger, registry } = capture('debug');
    registry.add('JBSWY3DPEHPK3PXP');
    logger.debug('added JBSWY3DPEHPK3PXP', { note: 'again JBSWY3DPEHPK3PXP' });
    expect(lines.join('')).not.toContain('JBSWY3DPEHPK3PXP');
    expect(lines.join('')).toContain('[REDACTED]');
  });

  it('never throws when its sink fails', () => {
    const logger = new Logger({ level: 'debug', sink: () => { throw new Error('EPIPE'); }, secrets: new SecretRegistry() });
    expect(() => logger.error('still fine')).not.toThrow();
  });
});

describe('redactLogText', () => {
  const none = new SecretRegistry();
  it.each([
    ['otpauth URI secrets', 'adding otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP&issuer=Acme', 'JBSWY3DPEHPK3PXP'],
    ['migration payloads', 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBGJvYg', 'CjEKCkhlbGxv'],
    ['SSWS tokens', 'Authorization: SSWS 00abcdefTOKEN123', '00abcdefTOKEN123'],
    ['Bearer tokens', 'header Bearer eyJhbGciOi.payload.sig', 'eyJhbGciOi'],
    ['Basic credentials', 'Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['passwords in text', 'password: Tr0ub4dor&3', 'Tr0ub4dor&3'],
    ['passwords in JSON', '{"password":"Tr0ub4dor&3"}', 'Tr0ub4dor&3'],
    ['passphrases', 'passphrase=correct-horse', 'correct-horse'],
    ['codes after the word code', 'verify code 492039 failed', '492039'],
    ['codes before the word code', '492039 is your code', '492039'],
    ['eight-digit codes', 'passcode=12345678', '12345678'],
  ])('hides %s', (_name, text, secret) => {
    const out = redactLogText(text, none);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED]');
  });

  it('leaves ordinary numbers and words alone', () => {
    expect(redactLogText('vault saved bytes=123456 ms=12', none)).toBe('vault saved bytes=123456 ms=12');
  });
});

describe('rememberDocumentSecrets', () => {
  it('registers account secrets, connection tokens and private key parts, not labels', () => {
    const registry = new SecretRegistry();
    rememberDocumentSecrets(
      {
        accounts: [{ id: 'a1', label: 'bob@example.com', secret: 'JBSWY3DPEHPK3PXP' }],
        connections: [{ name: 'dev org', apiToken: '00tokenvalue123', auth0: { clientSecret: 'shh-client-secret' } }],
        push: [{ key: { kty: 'EC', crv: 'P-256', x: 'public-x-coordinate', d: 'private-d-scalar' } }],
      },
      registry,
    );
    expect(registry.list().sort()).toEqual(['00tokenvalue123', 'JBSWY3DPEHPK3PXP', 'private-d-scalar', 'shh-client-secret']);
  });
});
