import { create } from 'zustand';
import type { ManagedFeature, PolicyStatus } from '../../shared/policy/policy-schema';
import { api } from '../api';

interface PolicyState {
  status: PolicyStatus | null;
}

export const usePolicy = create<PolicyState>(() => ({ status: null }));

export async function loadPolicy(): Promise<void> {
  const result = await api().policyStatus({});
  if (result.ok) usePolicy.setState({ status: result.value });
}

/** Whether the organisation switched a feature off (main refuses it too; this only spares people a dead button). */
export function useFeatureOff(feature: ManagedFeature): boolean {
  return usePolicy((state) => state.status?.policy.disabledFeatures?.includes(feature) ?? false);
}
