import { z } from 'zod';
import { call } from './define';

export const windowsCalls = {
  'windows:hidePopup': call({ summary: 'Hide the tray popup (Escape, or Enter once a code is copied).', request: z.object({}).strict(), response: z.object({}) }),
  'windows:openAdmin': call({ summary: 'Open the Admin window, or bring it to the front when it is open.', request: z.object({}).strict(), response: z.object({}) }),
};
