import { create } from 'zustand';

interface PairingState {
  /** Pairing words read from a scanned QR code, waiting for Settings → Sync's join form. */
  words: string | null;
}

export const usePairing = create<PairingState>(() => ({ words: null }));

export function offerPairingWords(words: readonly string[]): void {
  usePairing.setState({ words: words.join(' ') });
}

/** The scanned words, handed out once: they work once, so they are not kept after the form has them. */
export function takePairingWords(): string | null {
  const { words } = usePairing.getState();
  usePairing.setState({ words: null });
  return words;
}
