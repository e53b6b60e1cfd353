import type { DecodeInput, DecodeReply } from './decode-protocol';

/** One worker for the scan view's lifetime; each decode is a promise matched by id. */
export class QrDecodeClient {
  private readonly worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' });
  private readonly pending = new Map<number, (reply: DecodeReply) => void>();
  private nextId = 1;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<DecodeReply>) => {
      this.pending.get(event.data.id)?.(event.data);
      this.pending.delete(event.data.id);
    };
    this.worker.onerror = () => {
      for (const [id, resolve] of this.pending) resolve({ id, ok: false, message: 'The QR decoder stopped unexpectedly; try again.' });
      this.pending.clear();
    };
  }

  /** The pixel buffer is moved to the worker, not copied (captures of 4K screens are 33 MB). */
  decode(input: DecodeInput): Promise<DecodeReply> {
    const id = this.nextId++;
    const buffer = input.kind === 'file' ? input.bytes.buffer : input.pixels.buffer;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, input }, buffer instanceof ArrayBuffer ? [buffer] : []);
    });
  }

  close(): void {
    this.worker.terminate();
  }
}
