/**
 * Turns the contract into ipcMain handlers: exactly one per channel, each refusing foreign senders
 * and leaving payload validation to the contract's dispatcher.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels, type Handlers } from '../../../shared/ipc';
import { dispatch } from '../../core/ipc/dispatch';
import { guardedCall } from '../../core/ipc/guarded-call';
import { frameKey, type SenderFrame } from '../../core/windows/trusted-sender';

function senderFrame(event: IpcMainInvokeEvent): SenderFrame | null {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed()) return null;
  return { key: frameKey(frame), url: frame.url, isMainFrame: frame.parent === null };
}

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpc(handlers: Handlers): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) => guardedCall(senderFrame(event), channel, payload, handlers, dispatch));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
