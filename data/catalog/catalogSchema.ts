// The zod schema of a feature catalogue file (feat_*.yml beside its SQL): per column a description, unit, window, role,
// component and checks.
import { z } from 'zod';

export const FEATURE_ROLES = ['key', 'feature', 'info'] as const;
export const MERCHANT_COMPONENTS = [
  'fulfilment',
  'product_quality',
  'after_sales',
  'satisfaction',
  'exposure',
  'volume',
] as const;
export const FEATURE_UNITS = [
  'date',
  'id',
  'category',
  'days',
  'hours',
  'count',
  'currency',
  'share',
  'share_change',
  'stars',
  'stars_change',
  'per_1k_orders',
  'ratio',
  'score',
] as const;
export const FEATURE_WINDOWS = ['none', '30d', '90d', '365d', '30d vs 90d', 'all history'] as const;

const rangeCheck = z
  .object({
    range: z
      .object({ min: z.number().optional(), max: z.number().optional() })
      .strict()
      .refine((r) => r.min !== undefined || r.max !== undefined, 'a range needs min, max or both'),
  })
  .strict();

export const checkSchema = z.union([z.literal('not_null'), rangeCheck]);
export type ColumnCheck = z.output<typeof checkSchema>;

export const catalogColumnSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
    description: z.string().min(1, 'must say what the column means'),
    unit: z.enum(FEATURE_UNITS),
    window: z.enum(FEATURE_WINDOWS),
    role: z.enum(FEATURE_ROLES),
    component: z.enum(MERCHANT_COMPONENTS).optional(),
    /**
     * A feature that stands for another column per row (the worst of several standards) takes its component from the
     * feature named in this info column, row by row.
     */
    component_from: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case')
      .optional(),
    /** When the value is NULL (undefined: a rate with no denominator, a median of nothing). */
    null_when: z.string().min(1).optional(),
    checks: z.array(checkSchema).default([]),
  })
  .strict();
export type CatalogColumn = z.output<typeof catalogColumnSchema>;

export const catalogTableSchema = z
  .object({
    table: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
    description: z.string().min(1),
    grain: z.string().min(1),
    key: z.array(z.string()).min(1),
    /** Merchant features feed the trust sub-scores, so each must name its component. */
    components_required: z.boolean().default(false),
    columns: z.array(catalogColumnSchema).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.columns.forEach((c, i) => {
      const at = (key: string) => ['columns', i, key];
      if (seen.has(c.name))
        ctx.addIssue({
          code: 'custom',
          path: at('name'),
          input: c.name,
          message: 'column listed twice; keep one entry',
        });
      seen.add(c.name);
      const notNull = c.checks.includes('not_null');
      if (notNull && c.null_when) {
        ctx.addIssue({
          code: 'custom',
          path: at('null_when'),
          input: c.null_when,
          message: 'a not_null column is never NULL; drop null_when or the check',
        });
      }
      if (!notNull && !c.null_when) {
        ctx.addIssue({
          code: 'custom',
          path: at('null_when'),
          input: undefined,
          message: 'say when the value is NULL, or add the not_null check',
        });
      }
      if (c.component && c.component_from) {
        ctx.addIssue({
          code: 'custom',
          path: at('component_from'),
          input: c.component_from,
          message: `component ${c.component} and component_from "${c.component_from}" both given; a column takes its component from one place, drop one`,
        });
      }
      if (c.component_from) {
        const from = t.columns.find((col) => col.name === c.component_from);
        if (!from || from.role !== 'info' || from.unit !== 'category') {
          ctx.addIssue({
            code: 'custom',
            path: at('component_from'),
            input: c.component_from,
            message: `"${c.component_from}" is not an info column of unit category in this table; name one holding a feature name per row`,
          });
        }
      }
      if (t.components_required && c.role === 'feature' && !c.component && !c.component_from) {
        ctx.addIssue({
          code: 'custom',
          path: at('component'),
          input: undefined,
          message: `every feature needs a component (one of ${MERCHANT_COMPONENTS.join(', ')}) or component_from`,
        });
      }
      if (c.role === 'key' && !notNull) {
        ctx.addIssue({
          code: 'custom',
          path: at('checks'),
          input: c.checks,
          message: 'key columns must carry the not_null check',
        });
      }
    });
    for (const k of t.key) {
      const c = t.columns.find((col) => col.name === k);
      if (!c || c.role !== 'key') {
        ctx.addIssue({
          code: 'custom',
          path: ['key'],
          input: k,
          message: `key column "${k}" must be listed in columns with role: key`,
        });
      }
    }
  });
export type CatalogTable = z.output<typeof catalogTableSchema>;
