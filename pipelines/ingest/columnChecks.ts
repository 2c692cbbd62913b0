// The per-column check expressions, generated from contract metadata alone, slotted into sql/check/check_columns.sql.
import { CONTRACTS, TIMESTAMP_ORDER, type ColumnMeta, type TableName } from '../../data/contracts/index.ts';
import { quoteIdent, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { enumRule, orderRule, rangeRule, RULES, wrongTypeRule } from './ruleText.ts';

/** The date and time of an ISO 8601 timestamp, before its zone; 4-digit year. */
const LOCAL_TIME = String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?`;
/** A zone given by name after the time (`America/New_York`, `UTC`, and `Z`, which the cast reads as an offset). */
const ZONE_NAME = String.raw`[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*`;
/** ISO 8601 date or date-time, with an offset, Z or a named zone (`2026-03-01 10:00:00 America/New_York`). */
const ISO_TIMESTAMP = String.raw`\s*${LOCAL_TIME}\s*(Z|[+-]\d{2}(:?\d{2})?|${ZONE_NAME})?\s*`;
/** Group 1: the date and time; group 2: the zone name, '' when the value has none or an offset. */
const NAMED_ZONE = String.raw`^\s*(${LOCAL_TIME})\s*(${ZONE_NAME})?\s*$`;

/** A plain decimal: digits, an optional fraction, an optional minus (so a negative amount gets its own rule). */
const PLAIN_DECIMAL = String.raw`-?(\d+(\.\d*)?|\.\d+)`;

/** The plausible timestamps: from `from` (inclusive) to `to` (exclusive), both dates; bound as $ts_min and $ts_max. */
export interface TimestampRange {
  from: string;
  to: string;
  /** The quarantine rule of a timestamp outside it. */
  rule: string;
}

/** How a source column's DuckDB type relates to the contract kinds; anything unexpected goes through text. */
type Family = 'text' | 'ts' | 'tstz' | 'int' | 'decimal' | 'float' | 'bool' | 'other';

function familyOf(duckType: string): Family {
  const t = duckType.toUpperCase();
  if (t === 'VARCHAR') return 'text';
  if (t === 'TIMESTAMP WITH TIME ZONE') return 'tstz';
  if (t.startsWith('TIMESTAMP') || t === 'DATE') return 'ts';
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(t)) return 'int';
  if (t.startsWith('DECIMAL')) return 'decimal';
  if (t === 'DOUBLE' || t === 'FLOAT') return 'float';
  if (t === 'BOOLEAN') return 'bool';
  return 'other';
}

/**
 * Per-column SQL pieces over the inner relation: n = normalised raw value, t = typed value, d = number for int checks.
 */
interface ColumnSql {
  name: string;
  meta: ColumnMeta;
  inner: string[];
  typed: string;
  checks: { when: string; rule: string }[];
}

function columnSql(i: number, name: string, meta: ColumnMeta, sourceType: string, range: TimestampRange): ColumnSql {
  const r = quoteIdent(name);
  const fam = familyOf(sourceType);
  const n = `n${i}`;
  const t = `t${i}`;
  const d = `d${i}`;
  const asText = fam === 'text' ? r : `cast(${r} as VARCHAR)`;
  const blankIsNull = `nullif(${asText}, '')`;
  const inner = [`${r} as r${i}`];
  const checks: ColumnSql['checks'] = [];
  let typed = t;
  const typeFail = { when: `${n} is not null and ${t} is null`, rule: wrongTypeRule(meta) };
  switch (meta.kind) {
    case 'id':
    case 'enum':
    case 'text':
      inner.push(`${meta.kind === 'text' ? asText : blankIsNull} as ${n}`, `${n} as ${t}`);
      break;
    case 'ts': {
      // z = the parsed instant, t = it in UTC when inside the plausible range ($ts_min inclusive, $ts_max exclusive).
      // Text must look like ISO 8601 before DuckDB parses it: that refuses infinity, epoch and BC dates, and a year of
      // five or more digits, which DuckDB's ICU parser raises on (failing the whole file) when a named zone is nearby.
      const z = `z${i}`;
      if (fam === 'ts') {
        inner.push(`${r} as ${n}`, `cast(${r} as TIMESTAMP) as ${z}`);
        inner.push(`case when ${z} >= $ts_min::TIMESTAMP and ${z} < $ts_max::TIMESTAMP then ${z} end as ${t}`);
      } else {
        if (fam === 'tstz') inner.push(`${r} as ${n}`, `${r} as ${z}`);
        else {
          // A named zone never reaches the cast: DuckDB's cast to TIMESTAMPTZ reads the values after one with a named
          // zone (in the same vector) in that zone, so one `Asia/Shanghai` row moved its neighbours by 8 hours. Named
          // zones convert one value at a time from their local time; only IANA names and UTC/GMT, since an
          // abbreviation (CST, IST) names different zones in different countries and ICU would pick one silently.
          const zn = `zn${i}`;
          const zk = `zk${i}`;
          const iso = `regexp_full_match(${n}, ${quoteLiteral(ISO_TIMESTAMP)})`;
          const local = `try_cast(regexp_extract(${n}, ${quoteLiteral(NAMED_ZONE)}, 1) as TIMESTAMP)`;
          inner.push(
            `${blankIsNull} as ${n}`,
            `coalesce(regexp_extract(${n}, ${quoteLiteral(NAMED_ZONE)}, 2), '') as ${zn}`,
            `${zn} in ('', 'Z', 'UTC', 'GMT') or (contains(${zn}, '/') and list_contains($zone_names::VARCHAR[], ${zn})) as ${zk}`,
            `case when not ${iso} then null when ${zn} in ('', 'Z') then try_cast(${n} as TIMESTAMPTZ) ` +
              `when ${zk} then timezone(${zn}, ${local}) end as ${z}`,
          );
          checks.push({ when: `${n} is not null and not ${zk} and ${iso}`, rule: RULES.timeZone });
        }
        inner.push(
          `case when ${z} >= $ts_min::TIMESTAMPTZ and ${z} < $ts_max::TIMESTAMPTZ then timezone('UTC', ${z}) end as ${t}`,
        );
      }
      // a value whose only fault is its zone name has the rule above alone
      const zoneOk = fam === 'ts' || fam === 'tstz' ? '' : ` and zk${i}`;
      checks.push({ when: `${n} is not null and ${z} is null${zoneOk}`, rule: wrongTypeRule(meta) });
      checks.push({ when: `${z} is not null and ${t} is null`, rule: range.rule });
      break;
    }
    case 'money': {
      const numeric = fam === 'int' || fam === 'decimal' || fam === 'float';
      // Text must be a plain decimal: DuckDB would also read 1e3, 1_000 and +5 as numbers.
      const parsed = numeric
        ? `try_cast(${n} as ${meta.duckType})`
        : `case when regexp_full_match(${n}, ${quoteLiteral(PLAIN_DECIMAL)}) then try_cast(${n} as ${meta.duckType}) end`;
      inner.push(`${numeric ? r : blankIsNull} as ${n}`, `${parsed} as ${t}`);
      checks.push(typeFail, { when: `${t} < 0`, rule: RULES.moneyNegative });
      if (fam === 'float') checks.push({ when: `round(${n}, 2) <> ${n}`, rule: RULES.moneyCents });
      else if (!numeric || /,\s*([3-9]|\d\d)\)/.test(sourceType))
        checks.push({ when: `try_cast(${n} as DECIMAL(38,10)) <> ${t}`, rule: RULES.moneyCents });
      break;
    }
    case 'int': {
      const numeric = fam === 'int' || fam === 'decimal' || fam === 'float';
      const parsed = numeric
        ? `try_cast(${n} as DOUBLE)`
        : `case when regexp_full_match(${n}, ${quoteLiteral(PLAIN_DECIMAL)}) then try_cast(${n} as DOUBLE) end`;
      inner.push(`${numeric ? r : blankIsNull} as ${n}`, `${parsed} as ${d}`);
      if (fam !== 'int')
        checks.push({ when: `${n} is not null and (${d} is null or ${d} <> floor(${d}))`, rule: wrongTypeRule(meta) });
      checks.push({ when: `${d} = floor(${d}) and (${d} < ${meta.min} or ${d} > ${meta.max})`, rule: rangeRule(meta) });
      typed = `try_cast(${d} as ${meta.duckType})`;
      break;
    }
    case 'bool':
      inner.push(`${fam === 'bool' ? r : blankIsNull} as ${n}`, `try_cast(${n} as BOOLEAN) as ${t}`);
      checks.push(typeFail);
      break;
  }
  if (meta.kind === 'enum') {
    checks.push({ when: `${t} not in (${(meta.values ?? []).map(quoteLiteral).join(', ')})`, rule: enumRule(meta) });
  }
  if (!meta.optional) checks.unshift({ when: `${n} is null`, rule: RULES.missing });
  return { name, meta, inner, typed, checks };
}

/**
 * SELECT over `fromSql` (columns __file, __row and the contract columns, any types) returning __file, __row,
 * the contract columns typed as in the warehouse, and __v: null for a clean row, else its list of violations.
 */
export function buildCheckSelect(
  table: TableName,
  sourceTypes: Record<string, string>,
  fromSql: string,
  range: TimestampRange,
): string {
  const cols = Object.entries(CONTRACTS[table].columns).map(([name, c], i) =>
    columnSql(i, name, c.meta, sourceTypes[name] ?? 'VARCHAR', range),
  );
  // Timestamps of one row in an impossible order (delivered before shipped): the later column carries the violation.
  const index = new Map(cols.map((c, i) => [c.name, i]));
  for (const o of TIMESTAMP_ORDER[table]) {
    const later = index.get(o.later)!;
    cols[later]!.checks.push({ when: `t${later} < t${index.get(o.earlier)!}`, rule: orderRule(o.earlier) });
  }
  // Vocabularies with a fallback (categories): another value loads as the fallback, the delivered one kept beside it.
  for (const [i, c] of cols.entries()) {
    const fb = c.meta.fallback;
    if (!fb) continue;
    const known = `t${i} in (${(c.meta.values ?? []).map(quoteLiteral).join(', ')})`;
    c.checks = c.checks.filter((k) => k.rule !== enumRule(c.meta));
    c.typed = `case when ${known} then t${i} when t${i} is not null then ${quoteLiteral(fb.value)} end`;
    const s = index.get(fb.sourceColumn)!;
    cols[s]!.typed = `coalesce(${cols[s]!.typed}, case when not ${known} then t${i} end)`;
  }
  const violations = cols.flatMap((c, i) =>
    c.checks.map(
      (k) =>
        `case when ${k.when} then {'column_name': ${quoteLiteral(c.name)}, 'value': cast(r${i} as VARCHAR), 'rule': ${quoteLiteral(k.rule)}} end`,
    ),
  );
  return readSql(new URL('./sql/check/check_columns.sql', import.meta.url), {
    typed_columns: cols.map((c) => `${c.typed} as ${quoteIdent(c.name)}`).join(', '),
    any_violation: cols.flatMap((c) => c.checks.map((k) => `(${k.when})`)).join(' or '),
    violations: violations.join(', '),
    normalised_columns: cols.flatMap((c) => c.inner).join(', '),
    source: fromSql,
  });
}
