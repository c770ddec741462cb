import { NO_POLICY } from '../../settings/policy';
import type { OptionsSlice, PolicySlice } from './types';

export const createPolicySlice: OptionsSlice<PolicySlice> = (services) => (set, get) => ({
  policy: NO_POLICY,
  async loadPolicy() {
    if (!services.getPolicy) return;
    await services.getPolicy().then(
      (policy) => set({ policy }),
      (e: Error) => get().fail(e.message),
    );
  },
});
