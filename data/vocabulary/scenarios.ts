// The scenario every replayed policy is compared with: the shipped policy that replays what was recorded.
export const BASELINE_SCENARIO = 'status-quo';

/**
 * The shipped policy file of the baseline scenario (relative to the working directory, like config simulate.policies).
 */
export const BASELINE_POLICY_FILE = `data/policies/${BASELINE_SCENARIO}.yaml`;
