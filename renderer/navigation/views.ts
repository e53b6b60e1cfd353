/**
/**
 * The popup's areas. `place` says where a person finds each: a button in the header, a tab inside
 * Add, or an entry of the header's "More" menu; `available` hides an area the settings do not allow,
 * `feature` one the organisation switched off. The order is the header's order and the Ctrl+1…5 order.
 */
import type { ComponentType } from 'react';
import type { Settings } from '../../shared/ipc/settings';
import type { ManagedFeature } from '../../shared/policy/policy-schema';
import type { IconName } from '../ui/icons';
import { AccountsView } from '../accounts/AccountsView';
import { AddAccountView } from '../accounts/AddAccountView';
import { ScanView } from '../qr/ScanView';
import { SettingsView } from '../settings/SettingsView';
import { api } from '../api';
import { showError } from '../store/toasts';
import { ApprovalsView } from '../approvals/ApprovalsView';
import { TransferView } from '../transfer/TransferView';
import { BackupView } from '../backup/BackupView';
import { ExportView } from '../backup/ExportView';

export interface ViewEntry {
  id: string;
  title: string;
  icon: IconName;
  place: 'header' | 'add' | 'more';
  /** What the popup shows for the area; an area with `opens` instead lives in a window of its own. */
  component?: ComponentType;
  opens?: () => void;
  available?: (settings: Settings | null) => boolean;
  /** The feature an organisation can switch off with this area. */
  feature?: ManagedFeature;
  /** Leaving would lose what a person is typing here: the global shortcut shows the popup as it was left. */
  holdsTyping?: true;
}

export const views: ViewEntry[] = [
  { id: 'accounts', title: 'Accounts', icon: 'list', place: 'header', component: AccountsView },
  { id: 'add', title: 'Add', icon: 'plus', place: 'header', component: AddAccountView, holdsTyping: true },
  { id: 'scan', title: 'Scan', icon: 'qr', place: 'add', component: ScanView, holdsTyping: true },
  { id: 'approvals', title: 'Approvals', icon: 'approvals', place: 'header', component: ApprovalsView },
  { id: 'transfer', title: 'Transfer', icon: 'transfer', place: 'more', component: TransferView, feature: 'transfer', holdsTyping: true },
  { id: 'backup', title: 'Backup', icon: 'backup', place: 'more', component: BackupView, holdsTyping: true },
  { id: 'export', title: 'Export', icon: 'export', place: 'more', component: ExportView, feature: 'export', holdsTyping: true },
  { id: 'settings', title: 'Settings', icon: 'settings', place: 'more', component: SettingsView },
  { id: 'admin', title: 'Admin', icon: 'admin', place: 'more', opens: openAdminWindow, available: (settings) => settings?.adminArea === true, feature: 'admin' },
];

/** The Admin area is too wide for the popup: it has a resizable window of its own. */
function openAdminWindow(): void {
  void api()
    .windowsOpenAdmin({})
    .then((result) => !result.ok && showError(result.error));
}

/** The areas a person can reach now, in order, without the tabs inside Add. */
export function sections(settings: Settings | null, switchedOff: readonly ManagedFeature[] = []): ViewEntry[] {
  return views.filter((view) => view.place !== 'add' && (view.available?.(settings) ?? true) && !(view.feature && switchedOff.includes(view.feature)));
}

/** The header button that is lit for a view: Add for the tabs inside it. */
export function headerOwner(viewId: string): string {
  return views.find((view) => view.id === viewId)?.place === 'add' ? 'add' : viewId;
}
