import { clipboard } from 'electron';
import type { Clipboard } from '../../core/capabilities';

/** The system clipboard (not Linux's selection buffer: a copied code must not linger there). */
export function electronClipboard(): Clipboard {
  return {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
  };
}
