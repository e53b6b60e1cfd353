import { useEffect, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { loadAccounts } from '../store/accounts';
import { goTo } from '../store/navigation';
import { showToast } from '../store/toasts';
import { QrDecodeClient } from './decode-client';
import { ScanPreview } from './ScanPreview';
import { AddTabs } from '../navigation/AddTabs';
import './scan.css';
import { chosenCount, importChosen, resetScan, scanFile, scanScreen, useScan } from './scan-store';

function useDecoder(): QrDecodeClient | null {
  const [client, setClient] = useState<QrDecodeClient | null>(null);
  useEffect(() => {
    const created = new QrDecodeClient();
    setClient(created);
    return () => created.close();
  }, []);
  return client;
}

function firstImage(items: DataTransferItemList | null | undefined): File | null {
  for (const item of Array.from(items ?? [])) if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  return null;
}

export function ScanView() {
  const client = useDecoder();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { busy, status, codes, skip, replace } = useScan();
  const chosen = chosenCount(codes, skip, replace);

  useEffect(() => {
    if (client === null) return;
    const onPaste = (event: ClipboardEvent) => {
      const file = firstImage(event.clipboardData?.items);
      if (file === null) return;
      event.preventDefault();
      void scanFile(client, file, 'the pasted image');
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [client]);

  useEffect(() => resetScan, []);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file && client) void scanFile(client, file, file.name);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && client) void scanFile(client, file, file.name);
  };
  const save = async () => {
    const counts = await importChosen();
    if (counts === null) return;
    await loadAccounts();
    goTo('accounts');
    showToast({ message: `Added ${counts.added}, replaced ${counts.replaced}, skipped ${counts.skipped}.` }, 4000);
  };

  return (
    <section className="add scan" aria-label="Scan a QR code">
      <AddTabs />
      <div
        className={`card form scan-drop${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <h2>Scan a QR code</h2>
        <p className="hint">Scan every screen, open or drop a PNG or JPEG, or paste an image (Ctrl+V).</p>
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy || client === null} onClick={() => client && void scanScreen(client)}>
            Scan screen
          </button>
          <button type="button" disabled={busy || client === null} onClick={() => fileInput.current?.click()}>
            Open image…
          </button>
          <input ref={fileInput} type="file" accept="image/png,image/jpeg" hidden aria-label="Image file" onChange={onFile} />
        </div>
        {status ? (
          <p className={`scan-status ${status.tone === 'error' ? 'error' : 'hint'}`} role={status.tone === 'error' ? 'alert' : 'status'}>
            {status.message}
          </p>
        ) : null}
      </div>
      <ScanPreview />
      {codes.length > 0 ? (
        <div className="form-actions">
          <button type="button" onClick={resetScan} disabled={busy}>
            Clear
          </button>
          <button type="button" className="primary" disabled={busy || chosen === 0} onClick={() => void save()}>
            Save {chosen === 1 ? '1 account' : `${chosen} accounts`}
          </button>
        </div>
      ) : null}
    </section>
  );
}
