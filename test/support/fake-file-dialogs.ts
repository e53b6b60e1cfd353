import type { FileDialogs } from '../../electron/core/capabilities';

/**
 * Stands in for the desktop's open and save dialogs: a test says which path the person will choose
 * next (or null for Cancel) and reads what each dialog offered.
 */
export class FakeFileDialogs implements FileDialogs {
  /** The path the next open dialog returns; null is Cancel. */
  nextOpen: string | null = null;
  /** The path the next save dialog returns; null is Cancel. */
  nextSave: string | null = null;
  /** The folder the next folder chooser returns; null is Cancel. */
  nextFolder: string | null = null;
  readonly shown: Array<{ kind: 'open' | 'save' | 'folder'; title: string; defaultName?: string }> = [];

  async chooseFileToOpen(options: { title: string }): Promise<string | null> {
    this.shown.push({ kind: 'open', title: options.title });
    const chosen = this.nextOpen;
    this.nextOpen = null;
    return chosen;
  }

  async chooseFileToSave(options: { title: string; defaultName: string }): Promise<string | null> {
    this.shown.push({ kind: 'save', title: options.title, defaultName: options.defaultName });
    const chosen = this.nextSave;
    this.nextSave = null;
    return chosen;
  }

  async chooseFolder(options: { title: string }): Promise<string | null> {
    this.shown.push({ kind: 'folder', title: options.title });
    const chosen = this.nextFolder;
    this.nextFolder = null;
    return chosen;
  }
}
