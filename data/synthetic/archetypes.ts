// Buyer and merchant archetypes of the synthetic marketplace with their population shares: the ground truth the
// generator plants.
export interface Archetype {
  name: string;
  /** Share of the population (shares of one entity sum to 1). */
  share: number;
  /** Abusive buyer, or problem merchant. */
  bad: boolean;
  description: string;
}

export const BUYER_ARCHETYPES: readonly Archetype[] = [
  {
    name: 'honest',
    share: 0.8,
    bad: false,
    description: 'Ordinary buyer; refunds now and then, mostly for real problems.',
  },
  {
    name: 'honest_heavy_refunder_victim',
    share: 0.06,
    bad: false,
    description: 'Buys disproportionately from problem merchants, so has many legitimate refunds (the hard negatives).',
  },
  {
    name: 'fresh_food_regular',
    share: 0.105,
    bad: false,
    description: 'Buys a lot of fresh food, whose legitimate refund-only rate is the highest of all categories.',
  },
  {
    name: 'serial_refunder',
    share: 0.01,
    bad: true,
    description: 'Asks for refund-only across many shops with made-up quality reasons.',
  },
  {
    name: 'not_received_claimer',
    share: 0.007,
    bad: true,
    description: 'Claims "not received" on parcels the carrier recorded as delivered.',
  },
  {
    name: 'fast_claimer',
    share: 0.005,
    bad: true,
    description: 'Claims damage or a wrong item within hours of delivery.',
  },
  {
    name: 'ring_member',
    share: 0.008,
    bad: true,
    description: 'One of 3–8 accounts sharing device, address and payment keys, making coordinated refund-only claims.',
  },
  { name: 'review_extortion', share: 0.005, bad: true, description: 'Leaves a 1-star review, then asks for a refund.' },
];

export const MERCHANT_ARCHETYPES: readonly Archetype[] = [
  {
    name: 'good',
    share: 0.84,
    bad: false,
    description: 'Ships on time, answers quickly, resolves after-sales fairly.',
  },
  {
    name: 'abuser_target',
    share: 0.06,
    bad: false,
    description:
      'A good merchant that abusers target disproportionately; its refunds come from abusers, not from its service.',
  },
  {
    name: 'not_as_described',
    share: 0.03,
    bad: true,
    description: 'Items differ from the listing: many not-as-described and quality refunds, low "described" DSR.',
  },
  {
    name: 'late_shipper',
    share: 0.03,
    bad: true,
    description: 'Ships after the promised date, loses parcels, more cancellations and not-received claims.',
  },
  {
    name: 'poor_service',
    share: 0.025,
    bad: true,
    description:
      'Slow first response, unresolved tickets, low satisfaction, attitude complaints; misses the 48 h refund answer.',
  },
  {
    name: 'rejects_no_reason_returns',
    share: 0.015,
    bad: true,
    description: 'Rejects 7-day no-reason returns it is obliged to honour.',
  },
];

/** The archetype tables as the JSON the generator binds into w_archetypes. */
export function archetypesJson(): string {
  const rows = [
    ...BUYER_ARCHETYPES.map((a, i) => ({ entity: 'buyer', archetype: a.name, share: a.share, bad: a.bad, ord: i })),
    ...MERCHANT_ARCHETYPES.map((a, i) => ({
      entity: 'merchant',
      archetype: a.name,
      share: a.share,
      bad: a.bad,
      ord: i,
    })),
  ];
  return JSON.stringify(rows);
}
