import { safeExternalUrl } from './external-url';

/**
 * The popup is a single page: it never navigates, never opens windows. A link the user clicked
 * that is a safe https URL goes to the system browser instead; everything else is dropped.
 */
export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: safeExternalUrl(url) };
}
