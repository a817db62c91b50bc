/** Operator command line: `npm run intake -- <command>` (or `npx intake <command>`). */
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { directoryQueries } from '../db/seed/directory.js';
import { readDirectoryFiles } from '../db/seed/files.js';
import { parseAnchorArgument, verifySummary } from './audit/verify-summary.js';
import { verifyAuditLog } from './audit/verify.service.js';
import { importPublishedCalendars } from './clocks/calendar-import.js';
import { parseConfig } from './config.js';
import { AppError, zodIssues } from './errors.js';
import { masterKeyFromBase64, newMasterKeyBytes } from './identity/keys.js';
import { purgeExpired, type PurgeReport } from './identity/retention.service.js';
import { rotateMasterKey } from './identity/rotation.service.js';
import { toBase64 } from './lib/encoding.js';
import { createNodeRuntime, type NodeRuntime } from './node/bootstrap.js';
import { accountCommands, parseFlags, UsageError } from './node/account-commands.js';
import { apiKeyCommands } from './node/api-key-commands.js';
import { statsCommands } from './node/stats-commands.js';
import { reportCommands } from './node/report-command.js';
import { demoDataCommand } from '../tools/demo-data/command.js';
import { recountEnterprises } from './enterprises/enterprises.service.js';
import { storeRotatedDevKey } from './node/keyfiles.js';

// The API-client commands take their flags the same way as the account commands.
Object.assign(accountCommands, apiKeyCommands);
Object.assign(accountCommands, statsCommands);
Object.assign(accountCommands, reportCommands);

// Whatever this process creates (database, WAL, keys, mail, backups) is readable by its user only.
process.umask(0o077);

/** args: the positionals after the command name; argv: everything given, flags included. */
type Command = (runtime: NodeRuntime, args: string[], argv: string[]) => Promise<string>;

/** A command's own failure: its message is printed as is and the exit code is 1. */
class CommandFailed extends Error {}

function purgeSummary(r: PurgeReport): string {
  const lines = [`Retention ${r.retentionDays} days: cases closed on or before ${r.closedBefore}.`];
  for (const p of r.purged) {
    lines.push(`  purged ${p.caseNumber} (closed ${p.closedAt}): ${p.sealedRecords} sealed records, ` +
      `${p.sealedMessages} sealed messages, ${p.attachments} attachments`);
  }
  lines.push(`Purged ${r.purged.length} cases; kept ${r.held.length} under legal hold${r.held.length ? `: ${r.held.join(', ')}` : ''}.`);
  if (r.storageFailures.length) lines.push(`WARNING: ${r.storageFailures.length} attachment files could not be deleted: ${r.storageFailures.join(', ')}`);
  return lines.join('\n');
}

/**
 * Picks the new key and makes sure it is kept before anything is re-wrapped: in development in the
 * key file (the old one moves to master.key.old-<id>), in production printed once for the operator.
 */
async function rotateKeys({ deps }: NodeRuntime): Promise<string> {
  const { config } = deps;
  const given = config.INTAKE_NEW_MASTER_KEY;
  const text = given ?? toBase64(newMasterKeyBytes());
  const next = await masterKeyFromBase64(text);
  if (deps.keys.byId.has(next.id)) throw new Error(`the key ${next.id} is already loaded: give a new key`);
  const oldId = deps.keys.current.id;
  if (config.INTAKE_MASTER_KEY) {
    console.log([
      `New master key ${next.id}${given ? ' (from INTAKE_NEW_MASTER_KEY)' : ''}.`,
      ...(given ? [] : [`  ${text}`, '  It is shown this once: store it in your secret manager now.']),
      'Before restarting the server, set:',
      `  INTAKE_MASTER_KEY=<the new key ${next.id}>`,
      `  INTAKE_PREVIOUS_MASTER_KEYS=<the current INTAKE_MASTER_KEY ${oldId}>${config.INTAKE_PREVIOUS_MASTER_KEYS ? ',<the keys already listed there>' : ''}`,
      'Keep the old keys: receipts issued under them are checked against them for as long as they are in use.',
    ].join('\n'));
  } else {
    const { keyFile, oldFile } = await storeRotatedDevKey(config, deps.keys.current, text);
    console.log(`New development master key ${next.id} written to ${keyFile}; the old key ${oldId} is kept in ${oldFile}.`);
  }
  const r = await rotateMasterKey(deps, next);
  return `Re-wrapped under ${r.to} (was ${r.from}): ${r.sealedRecords} sealed records, ${r.sealedMessages} sealed messages, ${r.totpSecrets} TOTP secrets. Reward payee records: ${r.rewardPayees}. Attachment names: ${r.attachmentNames}. Rating comments: ${r.ratingComments}.`;
}

const commands: Record<string, { help: string; run: Command }> = {
  'directory import': {
    help: 'directory import            re-import regions, agencies, departments, categories and routing rules from db/seed/data',
    async run({ store }) {
      const queries = directoryQueries(store.db, readDirectoryFiles());
      await store.batch(queries);
      const count = async (table: 'regions' | 'departments' | 'categories' | 'routing_rules') =>
        (await store.db.selectFrom(table).select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      return `Directory imported: ${await count('regions')} regions, ${await count('departments')} departments, ` +
        `${await count('categories')} categories, ${await count('routing_rules')} routing rules.`;
    },
  },
  'calendar import': {
    help: 'calendar import             reload the published State Council holiday schedules',
    async run({ store, deps }) {
      const years = await importPublishedCalendars(store.db, deps.clock.now().toISOString(), store.batch);
      return `Calendars imported for ${years[0]}–${years[years.length - 1]} (${years.length} years).`;
    },
  },
  'audit verify': {
    help: 'audit verify                check the keyed chain of the audit log against its anchors (audit-anchors.log, and any\n' +
      '                              --anchor COUNT:HEAD from the auditors\' mail); exits 1 naming the first deleted or changed entry',
    async run({ deps }, _args, argv) {
      const { values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { anchor: { type: 'string', multiple: true } } });
      const given = ((values.anchor ?? []) as (string | boolean)[]).map((a) => parseAnchorArgument(String(a)));
      const report = await verifyAuditLog(deps, { anchors: given, anchorsFrom: '--anchor' });
      if (report.broken) throw new CommandFailed(`audit log broken at entry ${report.broken.seq}: ${report.broken.reason}`);
      return verifySummary(report);
    },
  },
  purge: {
    help: 'purge                       delete identity, original text and attachments of cases closed longer than INTAKE_RETENTION_DAYS (legal holds kept)',
    async run({ deps }) {
      return purgeSummary(await purgeExpired(deps));
    },
  },
  'keys rotate': {
    help: 'keys rotate                 re-wrap every sealed record under a new master key (INTAKE_NEW_MASTER_KEY, or a generated one)',
    run: rotateKeys,
  },
  backup: {
    help: 'backup FILE                 write a consistent copy of the database to FILE',
    async run({ store }, args) {
      const [file] = args;
      if (!file) throw new Error('usage: backup FILE');
      await store.sqlite.backup(file);
      return `Backed up ${store.sqlite.name} to ${file}.`;
    },
  },
  'demo-data': {
    help: 'demo-data --cases N         fill the database with N realistic demo cases (--seed S, --months M, --receipts FILE to keep receipts)',
    run: (runtime, _args, argv) => demoDataCommand(runtime, argv),
  },
  'enterprises recount': {
    help: 'enterprises recount         rebuild the enterprise summary counters (per credit code and year, names, products) from the cases',
    async run({ deps }) {
      const r = await recountEnterprises(deps);
      return `Enterprise counters rebuilt from the cases: ${r.enterprises} enterprises, ${r.cases} complaints and reports, ${r.products} products.`;
    },
  },
};

function usage(): string {
  const helps = [...Object.values(commands), ...Object.values(accountCommands)].map((c) => `  ${c.help}`);
  return ['usage: npm run intake -- <command>   (help: npm run intake -- --help)', '', ...helps].join('\n');
}

/** Finds the longest command name the arguments start with. */
function resolve(argv: string[]): { name: string; rest: string[] } | null {
  for (let n = Math.min(3, argv.length); n >= 1; n--) {
    const name = argv.slice(0, n).join(' ');
    if (commands[name] || accountCommands[name]) return { name, rest: argv.slice(n) };
  }
  return null;
}

const isHelp = (arg: string | undefined) => arg === 'help' || arg === '--help' || arg === '-h';

/** The command's work, once its flags are known to be right: bad flags never open the database. */
function prepare({ name, rest }: { name: string; rest: string[] }, argv: string[]): (runtime: NodeRuntime) => Promise<string> {
  const flagged = accountCommands[name];
  if (!flagged) return (runtime) => commands[name]!.run(runtime, rest, argv);
  const words = name.split(' ').length;
  if (argv.slice(0, words).join(' ') !== name) throw new UsageError(`${name}: give the command first, then its flags`);
  const flags = parseFlags(name, flagged, argv.slice(words));
  return (runtime) => flagged.run(runtime, flags);
}

async function main(argv: string[]): Promise<number> {
  if (isHelp(argv[0])) {
    console.log(usage());
    return 0;
  }
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const found = resolve(positionals);
  if (!found) {
    console.error(argv.length ? `unknown command: ${argv.join(' ')}\n\n${usage()}` : usage());
    return 2;
  }
  if (argv.some(isHelp)) {
    console.log(`usage: npm run intake -- ${(commands[found.name] ?? accountCommands[found.name])!.help}`);
    return 0;
  }
  let run: (runtime: NodeRuntime) => Promise<string>;
  try {
    run = prepare(found, argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n\nusage: npm run intake -- ${accountCommands[found.name]!.help}`);
    return 2;
  }
  // No checkpoint worker: a command's writes are checkpointed when it closes the database.
  const runtime = await createNodeRuntime({ config: parseConfig(process.env), log: (l) => console.error(l), backgroundCheckpoint: false });
  try {
    console.log(await run(runtime));
    return 0;
  } finally {
    await runtime.store.close();
  }
}

/** What the operator reads on a failure: the message, and a refused input's field messages. */
function failureText(err: unknown): string {
  if (err instanceof CommandFailed || err instanceof UsageError) return err.message;
  if (err instanceof ZodError) return `intake: not valid: ${zodIssues(err).map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')}`;
  if (err instanceof AppError && err.issues?.length) return `intake: ${err.message} ${err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  return `intake: ${err instanceof Error ? err.message : String(err)}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(failureText(err));
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
