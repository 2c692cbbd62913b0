// Content fingerprint of an input file (sha256, streamed), so re-ingesting the same bytes is recognised.
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';

export async function fingerprintFile(path: string, salt = ''): Promise<string> {
  const hash = createHash('sha256');
  if (salt) hash.update(salt);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
