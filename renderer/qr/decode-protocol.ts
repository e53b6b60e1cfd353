/** Messages between the scan view and its decoding Web Worker. */
export type DecodeInput =
  /** One frame of a screen capture, moved (not copied) to the worker. */
  | { kind: 'frame'; frame: ImageBitmap }
  /** A PNG or JPEG file's bytes (opened, dropped or pasted). */
  | { kind: 'file'; bytes: Uint8Array };

export interface DecodeRequest {
  id: number;
  input: DecodeInput;
}

export type DecodeReply = { id: number; ok: true; texts: string[] } | { id: number; ok: false; message: string };
