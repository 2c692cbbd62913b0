// Renders the config reference (every key, its default and meaning) from the zod schema's descriptions.
import { z } from 'zod';
import { CONFIG_DEFAULTS, configSchema } from '../../../data/config/configSchema.ts';

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  // Defaults, prefaults, pipes and refinements wrap the object or leaf we want to describe.
  for (;;) {
    const def = (s as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
    if (
      (def.type === 'default' || def.type === 'prefault' || def.type === 'optional' || def.type === 'nullable') &&
      def.innerType
    )
      s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

function rows(prefix: string, schema: z.ZodType, defaults: unknown, out: string[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      rows(prefix ? `${prefix}.${key}` : key, child, (defaults as Record<string, unknown> | undefined)?.[key], out);
    }
    return;
  }
  const description = schema.description ?? inner.description ?? '';
  out.push(
    `| \`${prefix}\` | ${defaults === undefined ? 'none' : `\`${JSON.stringify(defaults)}\``} | ${description} |`,
  );
}

export function configDocsMarkdown(): string {
  const out = ['| key | default | meaning |', '|---|---|---|'];
  rows('', configSchema, CONFIG_DEFAULTS, out);
  return out.join('\n');
}
