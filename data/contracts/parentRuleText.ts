// How a rule against the parent row reads, in quarantine rules and in the contract docs: "above the order's amount".
import { CONTRACTS, rowNoun, type ParentRule, type TableName } from './tables.ts';

/** The side a value must not be on: "above the order's amount", "before the order's created_at". */
export function parentRuleText(table: TableName, parent: TableName, r: ParentRule): string {
  const timestamp = CONTRACTS[table].columns[r.column]!.meta.kind === 'ts';
  const beyond = r.op === '<=' ? (timestamp ? 'after' : 'above') : timestamp ? 'before' : 'below';
  return `${beyond} the ${rowNoun(parent)}'s ${r.parentColumn}`;
}
