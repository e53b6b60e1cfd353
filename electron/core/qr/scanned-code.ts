import type { OtpAccount } from '../../../shared/accounts';

/** What a QR code's text turned out to be. Only otpauth and migration codes hold accounts, whose secrets never leave core except on import. */
export type ScannedCode =
  | { kind: 'otpauth'; text: string; account: OtpAccount }
  | { kind: 'migration'; text: string; batch: { index: number; size: number; id: number }; accounts: OtpAccount[] }
  | { kind: 'link'; text: string }
  | { kind: 'text'; text: string }
  /** Another computer's one-use sync pairing words: a secret, shown to the person only to join with. */
  | { kind: 'sync-pairing'; text: string; words: string[] }
  /** An otpauth or migration code that cannot be used; the message never repeats the code's content. */
  | { kind: 'invalid'; text: string; message: string };
