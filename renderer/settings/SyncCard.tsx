import { useCallback, useEffect, useState } from 'react';
import type { AppErrorData } from '../../shared/errors';
import type { SyncDeviceView, SyncStatusView } from '../../shared/ipc/sync';
import { api } from '../api';
import { showError, showToast } from '../store/toasts';
import { takePairingWords } from './pairing-store';
import { TextField } from '../ui/TextField';
import './sync.css';

const SCOPE = 'Accounts sync: secrets, names, icons, order, tags and counters. Sign-in approval enrolments and admin connections stay on each computer, bound to its own keys.';

interface Offer {
  words: string[];
  qrDataUrl: string;
  expiresAt: number;
}

const when = (epochMs: number | null) => (epochMs === null ? 'not yet' : new Date(epochMs).toLocaleString());

/**
 * Settings → Sync: end-to-end encrypted sync of the accounts through a folder the person already syncs
 * (Dropbox, OneDrive, iCloud Drive, Syncthing…). Off: start a group or join one; on: status, pairing
 * words with their QR image, and the devices with when each was last heard from.
 */
export function SyncCard() {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [offer, setOffer] = useState<Offer | null>(null);
  // Words from a scanned pairing code arrive filled in (taken once: they work once).
  const [scanned] = useState(takePairingWords);

  const load = useCallback(async () => {
    const result = await api().syncStatus({});
    if (result.ok) setStatus(result.value);
    else setError(result.error);
  }, []);

  useEffect(() => {
    void load();
    return api().on('sync:changed', () => {
      setOffer(null);
      void load();
    });
  }, [load]);

  /** Runs one call, showing its answer as the new status (or its error beside the form). */
  const run = async (call: () => Promise<{ ok: true; value: SyncStatusView } | { ok: false; error: AppErrorData }>) => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    const result = await call();
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      if (!result.error.field) showError(result.error);
      return false;
    }
    setStatus(result.value);
    return true;
  };

  if (!status) return <div className="card form"><h2>Sync</h2><p className="hint">{error?.message ?? 'Loading…'}</p></div>;
  return (
    <div className="card form" aria-busy={busy}>
      <h2>Sync</h2>
      {status.health === 'off' ? <SyncOff run={run} error={error} scanned={scanned} /> : <SyncOn status={status} run={run} offer={offer} setOffer={setOffer} busy={busy} />}
      <p className="hint">{SCOPE}</p>
    </div>
  );
}

type Runner = (call: () => Promise<{ ok: true; value: SyncStatusView } | { ok: false; error: AppErrorData }>) => Promise<boolean>;

function SyncOff({ run, error, scanned }: { run: Runner; error: AppErrorData | null; scanned: string | null }) {
  const [folder, setFolder] = useState('');
  const [words, setWords] = useState(scanned ?? '');
  const choose = async () => {
    const result = await api().syncChooseFolder({});
    if (!result.ok) showError(result.error);
    else if (result.value.folder !== null) setFolder(result.value.folder);
  };
  return (
    <>
      <p className="hint">Keep your accounts the same on your computers through a folder you already sync (Dropbox, OneDrive, iCloud Drive, Google Drive, Syncthing, a network share). Everything in it is end-to-end encrypted.</p>
      <TextField label="Synced folder" name="folder" value={folder} onChange={setFolder} error={error} autoFocus={scanned !== null} hint="A folder your sync app keeps in step: choose it, or type its full path, e.g. /home/you/Dropbox/Traykey" monospace />
      <div className="form-actions">
        <button type="button" onClick={() => void choose()}>
          Choose folder…
        </button>
        <button type="button" className="primary" disabled={folder.trim() === ''} onClick={() => void run(() => api().syncSetup({ folder: folder.trim() }))}>
          Start syncing from this computer
        </button>
      </div>
      <TextField label="Pairing words from your other computer" name="words" value={words} onChange={setWords} error={error} hint="Already syncing on another computer? Choose Pair there, then type the six words it shows, or scan its code in Add → Scan." monospace />
      <div className="form-actions">
        <button type="button" disabled={folder.trim() === '' || words.trim() === ''} onClick={() => void run(() => api().syncJoin({ folder: folder.trim(), words }))}>
          Join
        </button>
      </div>
    </>
  );
}

function SyncOn({ status, run, offer, setOffer, busy }: { status: SyncStatusView; run: Runner; offer: Offer | null; setOffer: (offer: Offer | null) => void; busy: boolean }) {
  const pair = async () => {
    const result = await api().syncPair({});
    if (result.ok) setOffer(result.value);
    else showError(result.error);
  };
  const cancel = async () => {
    setOffer(null);
    await api().syncCancelPair({});
  };
  return (
    <>
      <p className="sync-health" data-health={status.health} role="status">
        {status.sentence.charAt(0).toUpperCase() + status.sentence.slice(1)}
      </p>
      <dl className="facts">
        <dt>Folder</dt>
        <dd className="path">{status.folder}</dd>
      </dl>
      {offer ? (
        <div className="sync-pairing" aria-live="polite">
          <div>
            <p className="hint">On the other computer, open Settings → Sync and type these words (they work once, until {new Date(offer.expiresAt).toLocaleTimeString()}):</p>
            <p className="sync-words">{offer.words.join(' ')}</p>
          </div>
          <img src={offer.qrDataUrl} alt="The pairing words as a QR code" />
        </div>
      ) : null}
      <div className="form-actions">
        {offer ? (
          <button type="button" onClick={() => void cancel()}>
            Cancel pairing
          </button>
        ) : (
          <button type="button" onClick={() => void pair()}>
            Pair a computer
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void run(() => api().syncNow({}))}>
          Sync now
        </button>
      </div>
      <h3>Devices</h3>
      <ul className="sync-devices" aria-label="Devices in the sync group">
        {status.devices.map((device) => (
          <DeviceRow key={device.id} device={device} run={run} />
        ))}
      </ul>
    </>
  );
}

function DeviceRow({ device, run }: { device: SyncDeviceView; run: Runner }) {
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    if (await run(() => api().syncRemoveDevice({ id: device.id }))) showToast({ message: `${device.name} was removed; it reads nothing written from now on.` });
    setConfirming(false);
  };
  return (
    <li>
      <span className="device-name">
        {device.name}
        {device.thisDevice ? ' (this computer)' : ''}
        <br />
        <span className="hint">{device.removed ? 'Removed' : `Last seen ${when(device.lastSeen)}`}</span>
      </span>
      {device.thisDevice || device.removed ? null : confirming ? (
        <span className="form-actions">
          <button type="button" onClick={() => setConfirming(false)}>
            Keep
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            Remove {device.name}
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Remove…
        </button>
      )}
    </li>
  );
}
