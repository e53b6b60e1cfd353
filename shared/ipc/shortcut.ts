import { z } from 'zod';
import { call } from './define';
import { parseAccelerator } from '../shortcut/accelerator';

/** An Electron accelerator Traykey can read ("CommandOrControl+Alt+K"); which ones it will take is the core's call. */
export const acceleratorSchema = z
  .string()
  .max(100)
  .refine((text) => parseAccelerator(text).ok, { message: 'Not a shortcut Traykey can read.' });

export const shortcutStatusSchema = z.object({
  /** The saved shortcut, or null when the person turned it off. */
  shortcut: acceleratorSchema.nullable(),
  /** The keys the OS gave Traykey, or null when it holds none. */
  active: acceleratorSchema.nullable(),
  /** Why the saved shortcut is not working, in one sentence a person can act on. */
  problem: z.string().max(400).nullable(),
  /** How to show and read keys: ⌥⌘K on a Mac, Ctrl+Alt+K elsewhere. */
  platform: z.enum(['darwin', 'win32', 'linux']),
});
export type ShortcutStatus = z.infer<typeof shortcutStatusSchema>;

export const shortcutCalls = {
  'shortcut:status': call({ passive: true, summary: 'The global shortcut: the saved keys, those held now, and why not when they differ.', request: z.object({}).strict(), response: shortcutStatusSchema }),
  'shortcut:set': call({
    summary: 'Change the global shortcut (null turns it off); keys another app or the system holds are refused and the old ones kept.',
    request: z.object({ accelerator: acceleratorSchema.nullable() }).strict(),
    response: shortcutStatusSchema,
  }),
  'shortcut:listen': call({
    summary: 'Settings starts or stops listening for new keys: meanwhile the current shortcut is given back, so pressing it reaches Settings.',
    request: z.object({ listening: z.boolean() }).strict(),
    response: shortcutStatusSchema,
  }),
};
