// Which device, address and payment keys link the members of a buyer group (from the orders behind their refund
// requests).
import type { Row } from './exportData.ts';

export const KEY_COLUMNS = ['device_key', 'address_key', 'payment_key'] as const;

export interface SharedKey {
  kind: string;
  key: string;
  buyers: string[];
  requests: number;
}

/** Keys seen for two or more distinct buyers among `requests`, most shared first. */
export function sharedKeys(requests: readonly Row[]): SharedKey[] {
  const seen = new Map<string, { kind: string; key: string; buyers: Set<string>; requests: number }>();
  for (const r of requests) {
    for (const kind of KEY_COLUMNS) {
      const key = r[kind];
      if (typeof key !== 'string' || key === '') continue;
      const id = `${kind}\u0000${key}`;
      const entry = seen.get(id) ?? { kind: kind.replace('_key', ''), key, buyers: new Set<string>(), requests: 0 };
      entry.buyers.add(String(r.buyer_id));
      entry.requests++;
      seen.set(id, entry);
    }
  }
  return [...seen.values()]
    .filter((e) => e.buyers.size > 1)
    .map((e) => ({ kind: e.kind, key: e.key, buyers: [...e.buyers].sort(), requests: e.requests }))
    .sort((a, b) => b.buyers.length - a.buyers.length || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}
