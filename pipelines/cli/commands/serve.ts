// `trustlens serve`: the decision service over HTTP (POST /decide, GET /health, GET /version), reloading newer scored
// weeks.
import { z } from 'zod';
import { defineCommand, opt } from '../defineCommand.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Serve decisions over HTTP: POST /decide (one request or a JSON array), GET /health, GET /version.',
  details:
    'Decides like `trustlens decide`, with the latest scored week held in memory; every config serve.reloadSeconds it looks for a newer week ' +
    '(opening the warehouse read-only, only when the file changed and no run holds its lock) and swaps it in between requests. ' +
    'Bad JSON or a bad field: 400 with the error shape of decide; unknown route 404; wrong method 405; body over config serve.maxBodyBytes 413.',
  options: [
    {
      flag: 'port',
      value: 'N',
      description: 'Port to listen on.',
      schema: z.coerce.number().int('must be a whole number').min(0).max(65535, 'must be 0–65535'),
      required: true,
    },
    {
      flag: 'host',
      value: 'HOST',
      description: 'Address to listen on.',
      schema: z.string().min(1).default('127.0.0.1'),
      defaultText: '127.0.0.1 (this machine only)',
    },
    {
      flag: 'policy',
      value: 'FILE',
      description: 'Policy file (YAML or JSON).',
      schema: opt.path.optional(),
      defaultText: 'config decide.policy',
      input: 'file',
    },
  ],
  examples: [{ command: 'trustlens serve --port 8080', note: 'decisions at http://127.0.0.1:8080/decide' }],
  handler: async () => (await import('../../serve/runServe.ts')).runServe,
});
