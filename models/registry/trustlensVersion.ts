// The trustlens version stamped into artifacts (package.json's version).
import { readFileSync } from 'node:fs';

let version: string | undefined;

export function trustlensVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}
