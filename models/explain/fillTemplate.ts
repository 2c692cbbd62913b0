// Puts a formatted value into a reason template, in the singular when the value is one ("1 refund", not "1 refunds").

const PLURALS: Record<string, string> = {
  requests: 'request',
  orders: 'order',
  refunds: 'refund',
  accounts: 'account',
  checks: 'check',
  tickets: 'ticket',
  reviews: 'review',
  complaints: 'complaint',
  penalties: 'penalty',
  merchants: 'merchant',
  shops: 'shop',
  days: 'day',
  hours: 'hour',
};

/**
 * The first plural noun within four words after a leading "{value}" ("{value} failed platform spot checks"), not after
 * "of".
 */
const NOUN_AFTER_VALUE = new RegExp(`^\\{value\\}((?: (?!of\\b)[\\w-]+){0,3}? )(${Object.keys(PLURALS).join('|')})\\b`);

export function fillTemplate(template: string, shown: string): string {
  const t =
    shown === '1'
      ? template.replace(NOUN_AFTER_VALUE, (_, words: string, noun: string) => `{value}${words}${PLURALS[noun]}`)
      : template;
  return t.replace('{value}', shown);
}
