/** Operator command line: `npm run intake -- <command>` (or `npx intake <command>`). */
import { parseArgs } from 'node:util';
import { importPublishedCalendars } from '../db/seed/calendar.js';
import { directoryQueries } from '../db/seed/directory.js';
import { readDirectoryFiles } from '../db/seed/files.js';
import { parseConfig } from './config.js';
import { createNodeRuntime, type NodeRuntime } from './node/bootstrap.js';

type Command = (runtime: NodeRuntime, args: string[]) => Promise<string>;

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
  backup: {
    help: 'backup FILE                 write a consistent copy of the database to FILE',
    async run({ store }, args) {
      const [file] = args;
      if (!file) throw new Error('usage: backup FILE');
      await store.sqlite.backup(file);
      return `Backed up ${store.sqlite.name} to ${file}.`;
    },
  },
};

function usage(): string {
  return ['usage: npm run intake -- <command>', '', ...Object.values(commands).map((c) => `  ${c.help}`)].join('\n');
}

/** Finds the longest command name the arguments start with. */
function resolve(argv: string[]): { name: string; rest: string[] } | null {
  for (let n = Math.min(3, argv.length); n >= 1; n--) {
    const name = argv.slice(0, n).join(' ');
    if (commands[name]) return { name, rest: argv.slice(n) };
  }
  return null;
}

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const found = resolve(positionals);
  if (!found) {
    console.error(argv.length ? `unknown command: ${argv.join(' ')}\n\n${usage()}` : usage());
    return 2;
  }
  const runtime = await createNodeRuntime({ config: parseConfig(process.env), log: (l) => console.error(l) });
  try {
    console.log(await commands[found.name]!.run(runtime, found.rest));
    return 0;
  } finally {
    await runtime.store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`intake: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
