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

  /** Frames and file bytes are moved to the worker, not copied (a 4K frame is 33 MB of pixels). */
  decode(input: DecodeInput): Promise<DecodeReply> {
    const id = this.nextId++;
    const moved: Transferable[] = input.kind === 'frame' ? [input.frame] : input.bytes.buffer instanceof ArrayBuffer ? [input.bytes.buffer] : [];
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, input }, moved);
    });
  }

  close(): void {
    this.worker.terminate();
  }
}
