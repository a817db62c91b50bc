/** The CLI's API-client commands: `api-key add|list|revoke` (server/api-keys/api-keys.service.ts). */
import { OPERATOR } from '../admin/operator.service.js';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from '../api-keys/api-keys.service.js';
import type { FlagCommand } from './account-commands.js';

const nameFlag = { name: { type: 'string' } } as const;

function keyTable(keys: ApiKeyView[]): string {
  if (keys.length === 0) return 'No API keys.';
  const rows = keys.map((k) => [
    k.name, k.createdAt, k.createdBy, k.lastUsedAt ?? '-', String(k.requests), k.revokedAt ? `revoked ${k.revokedAt}` : 'active',
  ]);
  const all = [['name', 'created', 'by', 'last used', 'requests', 'status'], ...rows];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export const apiKeyCommands: Record<string, FlagCommand> = {
  'api-key add': {
    help: 'api-key add --name N        make a key for an API client (Open311); prints it once as `key: …`',
    options: nameFlag,
    required: ['name'],
    async run({ deps }, flags) {
      const made = await createApiKey(deps, OPERATOR, String(flags.name ?? ''));
      return [
        `Added API key ${made.name} (audited). It is shown this once and stored only as a hash: give it to the client now.`,
        `key: ${made.key}`,
      ].join('\n');
    },
  },
  'api-key list': {
    help: 'api-key list                the API keys: created, last used, requests (the server writes its counts at most a minute late), revoked',
    options: {},
    required: [],
    async run({ deps }) {
      return keyTable(await listApiKeys(deps));
    },
  },
  'api-key revoke': {
    help: 'api-key revoke --name N     revoke the active key of that name: its next request is refused (403)',
    options: nameFlag,
    required: ['name'],
    async run({ deps }, flags) {
      const r = await revokeApiKey(deps, OPERATOR, String(flags.name ?? ''));
      return `Revoked API key ${r.name} (audited).`;
    },
  },
};
