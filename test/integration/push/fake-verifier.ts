import type { UserVerifier, VerificationResult } from '../../../electron/core/capabilities';

/** A stand-in for Touch ID: answers each prompt as scripted and records the reasons it was shown. */
export class FakeVerifier implements UserVerifier {
  readonly name = 'Touch ID';
  readonly prompts: string[] = [];
  available = true;
  next: Exclude<VerificationResult, 'temporarily-unavailable'> = 'verified';

  isAvailable(): boolean {
    return this.available;
  }

  async verify(reason: string): Promise<VerificationResult> {
    this.prompts.push(reason);
    return this.next;
  }
}
