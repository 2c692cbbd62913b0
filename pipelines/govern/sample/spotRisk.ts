// The size measure of the spot check's risk part: low trust and this week's failed standards make a merchant likelier.

/** Weight of one failed standard against the whole trust scale (trust 0 → 1.0). */
export const RISK_PER_FAILED_STANDARD = 0.25;

/** (100 − trust) / 100 + 0.25 per standard failed this week; a merchant never scored adds nothing for trust. */
export function spotRisk(trust: number | null, standardsFailed: number): number {
  const distrust = trust === null ? 0 : Math.min(1, Math.max(0, (100 - trust) / 100));
  return distrust + RISK_PER_FAILED_STANDARD * standardsFailed;
}
