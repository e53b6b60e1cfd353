import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { HttpClient } from '../idp/http/client';

const Jwks = z.object({ keys: z.array(z.object({ kty: z.string() }).loose()) });

/** A forged challenge with a made-up kid may not make Traykey hammer the org's key endpoint. */
const REFRESH_COOLDOWN_MS = 30_000;

/**
 * The org's published signing keys, cached. An unknown `kid` refreshes the set once (keys rotate);
 * a kid still unknown after that is rejected, and refreshes are spaced by a cooldown.
 */
export class OrgKeys {
  private set: { lookup: JWTVerifyGetKey; fetchedAt: number } | undefined;

  constructor(
    private readonly http: HttpClient,
    private readonly jwksUri: string,
    private readonly now: () => number,
  ) {}

  /** The key resolver for jose's jwtVerify. */
  readonly resolve: JWTVerifyGetKey = async (header, token) => {
    const current = this.set ?? (await this.fetch());
    try {
      return await current.lookup(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || this.now() - current.fetchedAt < REFRESH_COOLDOWN_MS) throw error;
      const fresh = await this.fetch();
      return fresh.lookup(header, token);
    }
  };

  private async fetch(): Promise<{ lookup: JWTVerifyGetKey; fetchedAt: number }> {
    const jwks = await this.http.json({ method: 'GET', link: this.jwksUri }, Jwks);
    this.set = { lookup: createLocalJWKSet(jwks as JSONWebKeySet), fetchedAt: this.now() };
    return this.set;
  }
}
