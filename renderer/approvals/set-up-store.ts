/**
 * Which orgs this computer approves sign-ins for, and which the organisation set up but are not enrolled
 * yet. Main holds the keys and asks the policy; the renderer shows the list and relays the person's choice.
 */
import { create } from 'zustand';
import type { AppErrorData } from '../../shared/errors';
import type { ApprovalSetUp, PushEnrolmentData } from '../../shared/ipc/push';
import { api } from '../api';
import { showToast } from '../store/toasts';

interface SetUpState {
  enrolments: PushEnrolmentData[];
  setUp: ApprovalSetUp;
  loaded: boolean;
  /** The org being enrolled or removed: the browser sign-in is under way. */
  busyOrg: string | null;
  error: AppErrorData | null;
}

export const useApprovalSetUp = create<SetUpState>(() => ({ enrolments: [], setUp: { offers: [], otherOrgsAllowed: false, userVerifier: null }, loaded: false, busyOrg: null, error: null }));

export async function loadApprovalSetUp(): Promise<void> {
  const [enrolments, setUp] = await Promise.all([api().pushEnrolments({}), api().pushSetUp({})]);
  if (!enrolments.ok) return void useApprovalSetUp.setState({ error: enrolments.error, loaded: true });
  if (!setUp.ok) return void useApprovalSetUp.setState({ error: setUp.error, loaded: true });
  useApprovalSetUp.setState({ enrolments: enrolments.value, setUp: setUp.value, loaded: true });
}

let watchers = 0;
let unsubscribe: (() => void) | null = null;

/**
 * Keeps the set-up state current while at least one view shows it (the first-run offers, the Approvals
 * panel, which holds the offers too): one load and one subscription to main's changes however many
 * views watch. Returns the view's stop function, for useEffect.
 */
export function watchApprovalSetUp(): () => void {
  watchers += 1;
  if (watchers === 1) {
    void loadApprovalSetUp();
    const offPush = api().on('push:changed', () => void loadApprovalSetUp());
    const offPolicy = api().on('policy:changed', () => void loadApprovalSetUp());
    unsubscribe = () => {
      offPush();
      offPolicy();
    };
  }
  return () => {
    watchers -= 1;
    if (watchers > 0) return;
    unsubscribe?.();
    unsubscribe = null;
  };
}

/** The org by its host, the part of the address people recognise (acme.okta.com). */
export function orgLabel(enrolment: Pick<PushEnrolmentData, 'org'>): string {
  try {
    return new URL(enrolment.org).hostname;
  } catch {
    return enrolment.org;
  }
}

/** Enrols with one org: the browser opens for the sign-in and this waits until it is done. */
export async function setUpOrg(org: string, clientId: string, name: string): Promise<boolean> {
  if (useApprovalSetUp.getState().busyOrg) return false;
  useApprovalSetUp.setState({ busyOrg: org, error: null });
  const result = await api().pushEnrol({ org, clientId });
  useApprovalSetUp.setState({ busyOrg: null });
  if (!result.ok) {
    useApprovalSetUp.setState({ error: result.error });
    return false;
  }
  showToast({ message: `This computer now approves sign-ins for ${name}.` });
  await loadApprovalSetUp();
  return true;
}

/**
 * Adds the user-verification key to an enrolment (the OS prompt first, then a browser sign-in) or
 * removes it (a browser sign-in).
 */
export async function setUserVerification(enrolment: PushEnrolmentData, enabled: boolean, verifierName: string): Promise<void> {
  if (useApprovalSetUp.getState().busyOrg) return;
  useApprovalSetUp.setState({ busyOrg: enrolment.org, error: null });
  const result = await api().pushUserVerification({ org: enrolment.org, enabled });
  useApprovalSetUp.setState({ busyOrg: null });
  if (!result.ok) return void useApprovalSetUp.setState({ error: result.error });
  const org = orgLabel(enrolment);
  showToast({ message: enabled ? `${verifierName} now confirms it is you when ${org} asks.` : `Approvals for ${org} no longer use ${verifierName}.` });
  await loadApprovalSetUp();
}

/** Removes an enrolment here and at the org (which asks for a fresh sign-in in the browser). */
export async function removeOrg(enrolment: PushEnrolmentData): Promise<void> {
  if (useApprovalSetUp.getState().busyOrg) return;
  useApprovalSetUp.setState({ busyOrg: enrolment.org, error: null });
  const result = await api().pushRemove({ org: enrolment.org });
  useApprovalSetUp.setState({ busyOrg: null });
  if (!result.ok) return void useApprovalSetUp.setState({ error: result.error });
  showToast({ message: `This computer no longer approves sign-ins for ${orgLabel(enrolment)}.` });
  await loadApprovalSetUp();
}
