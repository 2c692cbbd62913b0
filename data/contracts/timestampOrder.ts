// Which timestamps of one row must not come before which: a delivery before its shipping is a broken row, not a fact.
import type { TableName } from './tables.ts';

export interface TimestampOrder {
  /** The column that must not be earlier … */
  later: string;
  /** … than this one (both must be set for the rule to apply). */
  earlier: string;
}

export const TIMESTAMP_ORDER: Record<TableName, readonly TimestampOrder[]> = {
  buyers: [],
  merchants: [],
  orders: [
    { later: 'shipped_at', earlier: 'created_at' },
    { later: 'delivered_at', earlier: 'created_at' },
    { later: 'delivered_at', earlier: 'shipped_at' },
    { later: 'cancelled_at', earlier: 'created_at' },
  ],
  refund_requests: [
    { later: 'merchant_responded_at', earlier: 'requested_at' },
    { later: 'decided_at', earlier: 'requested_at' },
    { later: 'returned_at', earlier: 'requested_at' },
  ],
  reviews: [],
  service_tickets: [
    { later: 'first_response_at', earlier: 'opened_at' },
    { later: 'resolved_at', earlier: 'opened_at' },
  ],
  merchant_actions: [],
  investigations: [{ later: 'closed_at', earlier: 'opened_at' }],
};
