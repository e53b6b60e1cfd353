/**
 * The popup's areas, in tab order. Another area (Scan, Admin, Approvals) adds one entry here;
 * `available` hides an area the current settings do not allow, `feature` one the organisation switched off.
 */
import type { ComponentType } from 'react';
import type { Settings } from '../../shared/ipc/settings';
import type { ManagedFeature } from '../../shared/policy/policy-schema';
import { AccountsView } from '../accounts/AccountsView';
import { AddAccountView } from '../accounts/AddAccountView';
import { ScanView } from '../qr/ScanView';
import { SettingsView } from '../settings/SettingsView';
import { AdminView } from '../admin/AdminView';
import { ApprovalsView } from '../approvals/ApprovalsView';
import { TransferView } from '../transfer/TransferView';

export interface ViewEntry {
  id: string;
  title: string;
  component: ComponentType;
  available?: (settings: Settings | null) => boolean;
  /** The feature an organisation can switch off with this area. */
  feature?: ManagedFeature;
}

export const views: ViewEntry[] = [
  { id: 'accounts', title: 'Accounts', component: AccountsView },
  { id: 'add', title: 'Add', component: AddAccountView },
  { id: 'scan', title: 'Scan', component: ScanView },
  { id: 'approvals', title: 'Approvals', component: ApprovalsView },
  { id: 'admin', title: 'Admin', component: AdminView, available: (settings) => settings?.adminArea === true, feature: 'admin' },
  { id: 'transfer', title: 'Transfer', component: TransferView, feature: 'transfer' },
  { id: 'settings', title: 'Settings', component: SettingsView },
];
