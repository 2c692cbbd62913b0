// The held week as columns for decide's worker threads: strings in arrays and numbers in typed arrays copy several
// times faster between threads than Maps of objects (29 MB of them for a 20k-buyer marketplace).
import type { BuyerRecord, DeciderState, MerchantRecord } from './deciderState.ts';
import type { BuyerSnapshot, MerchantSnapshot, OrderFacts } from './requestFeatures.ts';

const ORDER_NUMBERS = ['amount', 'createdMs', 'promisedShipMs', 'deliveredMs', 'firstLowReviewMs'] as const;
const BUYER_SNAPSHOT = [
  'orders365d',
  'spend365d',
  'requests90d',
  'refundOnly30d',
  'refundOnly90d',
  'notReceivedOnDelivered90d',
  'within24hShare90d',
  'refundOnlyExcess90d',
  'merchantsRequested90d',
  'refundOnlyAtLowRefund90d',
  'lowReviewsAfterRejection365d',
  'hoursToRequestMedian90d',
] as const satisfies readonly (keyof BuyerSnapshot)[];
const MERCHANT_SNAPSHOT = [
  'orders90d',
  'refundOnlyRate90d',
  'productDefectRate90d',
  'abuserRequestShare90d',
] as const satisfies readonly (keyof MerchantSnapshot)[];

// Every field of the records is listed above or handled by name below: a new field fails to compile here.
type Exactly<T, K extends keyof T> = Exclude<keyof T, K> extends never ? true : never;
const _orders: Exactly<OrderFacts, (typeof ORDER_NUMBERS)[number] | 'buyerId' | 'merchantId' | 'category'> = true;
const _buyers: Exactly<BuyerSnapshot, (typeof BUYER_SNAPSHOT)[number]> = true;
const _merchants: Exactly<MerchantSnapshot, (typeof MERCHANT_SNAPSHOT)[number]> = true;
const _buyerRecord: Exactly<BuyerRecord, 'registeredMs' | 'snapshot' | 'risk' | 'tier'> = true;
const _merchantRecord: Exactly<MerchantRecord, 'snapshot' | 'trust' | 'tier'> = true;

/** Numbers of each record, row-major (`width` a record); null kept apart from NaN by a mask. */
interface NumberColumns {
  width: number;
  values: Float64Array;
  /** 1 where the record's nullable number (risk, trust) or snapshot is null. */
  isNull: Uint8Array;
}

export interface PackedState {
  scoresAsOf: string;
  orders: { ids: string[]; buyerIds: string[]; merchantIds: string[]; categories: string[]; numbers: Float64Array };
  buyers: {
    ids: string[];
    tiers: (string | null)[];
    registeredMs: Float64Array;
    risk: NumberColumns;
    snapshot: NumberColumns;
  };
  merchants: { ids: string[]; tiers: (string | null)[]; trust: NumberColumns; snapshot: NumberColumns };
  groups: DeciderState['groups'];
  confirmedMs: DeciderState['confirmedMs'];
}

function numberColumns<T>(
  records: readonly T[],
  width: number,
  get: (r: T) => ArrayLike<number> | null,
): NumberColumns {
  const values = new Float64Array(records.length * width);
  const isNull = new Uint8Array(records.length);
  records.forEach((r, i) => {
    const v = get(r);
    if (v === null) isNull[i] = 1;
    else for (let k = 0; k < width; k++) values[i * width + k] = v[k]!;
  });
  return { width, values, isNull };
}

/** The week without its request model (which holds class instances; workers rebuild it from its artifact). */
export function packState(state: DeciderState): PackedState {
  const orders = [...state.orders.values()];
  const buyers = [...state.buyers.values()];
  const merchants = [...state.merchants.values()];
  const numbers = new Float64Array(orders.length * ORDER_NUMBERS.length);
  orders.forEach((o, i) => ORDER_NUMBERS.forEach((f, k) => (numbers[i * ORDER_NUMBERS.length + k] = o[f])));
  const nullable = (x: number | null) => (x === null ? null : [x]);
  return {
    scoresAsOf: state.scoresAsOf,
    orders: {
      ids: [...state.orders.keys()],
      buyerIds: orders.map((o) => o.buyerId),
      merchantIds: orders.map((o) => o.merchantId),
      categories: orders.map((o) => o.category),
      numbers,
    },
    buyers: {
      ids: [...state.buyers.keys()],
      tiers: buyers.map((b) => b.tier),
      registeredMs: Float64Array.from(buyers, (b) => b.registeredMs),
      risk: numberColumns(buyers, 1, (b) => nullable(b.risk)),
      snapshot: numberColumns(
        buyers,
        BUYER_SNAPSHOT.length,
        (b) => b.snapshot && BUYER_SNAPSHOT.map((f) => b.snapshot![f]),
      ),
    },
    merchants: {
      ids: [...state.merchants.keys()],
      tiers: merchants.map((m) => m.tier),
      trust: numberColumns(merchants, 1, (m) => nullable(m.trust)),
      snapshot: numberColumns(merchants, MERCHANT_SNAPSHOT.length, (m) =>
        m.snapshot ? MERCHANT_SNAPSHOT.map((f) => m.snapshot![f]) : null,
      ),
    },
    groups: state.groups,
    confirmedMs: state.confirmedMs,
  };
}

function record<K extends string>(fields: readonly K[], c: NumberColumns, i: number): Record<K, number> | null {
  if (c.isNull[i]) return null;
  const out = {} as Record<K, number>;
  fields.forEach((f, k) => (out[f] = c.values[i * c.width + k]!));
  return out;
}

const number = (c: NumberColumns, i: number) => (c.isNull[i] ? null : c.values[i]!);

/** The week as packState took it, without a request model: the same Maps of the same values, in the same order. */
export function unpackState(p: PackedState): Omit<DeciderState, 'requestModel'> {
  const orders = new Map<string, OrderFacts>();
  const on = ORDER_NUMBERS.length;
  p.orders.ids.forEach((id, i) => {
    const n = p.orders.numbers;
    orders.set(id, {
      buyerId: p.orders.buyerIds[i]!,
      merchantId: p.orders.merchantIds[i]!,
      category: p.orders.categories[i]!,
      amount: n[i * on]!,
      createdMs: n[i * on + 1]!,
      promisedShipMs: n[i * on + 2]!,
      deliveredMs: n[i * on + 3]!,
      firstLowReviewMs: n[i * on + 4]!,
    });
  });
  const buyers = new Map<string, BuyerRecord>();
  p.buyers.ids.forEach((id, i) =>
    buyers.set(id, {
      registeredMs: p.buyers.registeredMs[i]!,
      snapshot: record(BUYER_SNAPSHOT, p.buyers.snapshot, i),
      risk: number(p.buyers.risk, i),
      tier: p.buyers.tiers[i]!,
    }),
  );
  const merchants = new Map<string, MerchantRecord>();
  p.merchants.ids.forEach((id, i) =>
    merchants.set(id, {
      snapshot: record(MERCHANT_SNAPSHOT, p.merchants.snapshot, i),
      trust: number(p.merchants.trust, i),
      tier: p.merchants.tiers[i]!,
    }),
  );
  return { scoresAsOf: p.scoresAsOf, buyers, merchants, orders, groups: p.groups, confirmedMs: p.confirmedMs };
}
