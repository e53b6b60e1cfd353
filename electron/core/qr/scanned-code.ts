import type { KeyUriAccount } from '../otp/key-uri';

/** One account read from a QR code; the secret is base32 and never leaves core except on import. */
export type ScannedAccount = KeyUriAccount;

/** What a QR code's text turned out to be. Only otpauth and migration codes hold accounts. */
export type ScannedCode =
  | { kind: 'otpauth'; text: string; account: ScannedAccount }
  | { kind: 'migration'; text: string; batch: { index: number; size: number; id: number }; accounts: ScannedAccount[] }
  | { kind: 'link'; text: string }
  | { kind: 'text'; text: string }
  /** An otpauth or migration code that cannot be used; the message never repeats the code's content. */
  | { kind: 'invalid'; text: string; message: string };
