// Reads the header record of a CSV file, so DuckDB can be given the columns instead of guessing the dialect.
import { openSync, readSync, closeSync } from 'node:fs';
import { UserError } from '../../data/validation/errors.ts';

const MAX_HEADER_BYTES = 1 << 20;

export function readCsvHeader(path: string, display: string, delimiter = ','): string[] {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(MAX_HEADER_BYTES);
  const n = readSync(fd, buf, 0, buf.length, 0);
  closeSync(fd);
  let text = buf.subarray(0, n).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const names: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      names.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') break;
    else field += ch;
  }
  names.push(field);
  if (n === 0 || (names.length === 1 && names[0] === '')) {
    throw new UserError(`${display}: empty file, no header line; a CSV file needs a header naming its columns`);
  }
  return names;
}
