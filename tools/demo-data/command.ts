/** The operator command `npm run intake -- demo-data --cases N`, run by server/cli.ts. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fromBase64 } from '../../server/lib/encoding.js';
import type { NodeRuntime } from '../../server/node/bootstrap.js';
import { devKeyFile } from '../../server/node/keyfiles.js';
import { generateDemoData } from './generate.js';

/** A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDecile = -1;
  return (done: number, total: number) => {
    const fraction = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const text = `${label} ${String(Math.floor(fraction * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ` +
      `${Math.round(rate).toLocaleString('en')}/s  ${done < total ? `ETA ${eta.toFixed(0)} s` : `${seconds.toFixed(1)} s`}`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}${done >= total ? '\n' : ''}`);
    } else if (Math.floor(fraction * 10) > lastDecile) {
      lastDecile = Math.floor(fraction * 10);
      stream.write(`${text}\n`);
    }
  };
}

/** `demo-data --cases N [--seed S] [--months M] [--receipts FILE] [--receipts-count K]`: the CLI's command. */
export async function demoDataCommand(runtime: NodeRuntime, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cases: { type: 'string' }, seed: { type: 'string' }, months: { type: 'string' },
      receipts: { type: 'string' }, 'receipts-count': { type: 'string' },
    },
  });
  const count = (name: string, text: string | undefined, min: number) => {
    const n = Number(text);
    if (text === undefined || !Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const { config } = runtime.deps;
  // The same bytes the runtime loaded its key from (bootstrap.ts): the setting, else the development key file.
  const masterKey = fromBase64((config.INTAKE_MASTER_KEY ?? readFileSync(devKeyFile(config), 'utf8')).trim());
  const s = await generateDemoData(runtime.deps, runtime.store, {
    cases: count('cases', values.cases, 1),
    masterKey,
    ...(values.seed !== undefined ? { seed: count('seed', values.seed, 0) } : {}),
    ...(values.months !== undefined ? { months: count('months', values.months, 1) } : {}),
    ...(values.receipts ? { receiptsFile: values.receipts } : {}),
    ...(values['receipts-count'] !== undefined ? { receiptsCount: count('receipts-count', values['receipts-count'], 1) } : {}),
    onProgress: progressBar('demo data'),
    onIndexes: (n) => process.stderr.write(`building ${n} indexes set aside for the load, and putting back the counter triggers …\n`),
    onRecount: () => process.stderr.write('counting the statistics and enterprise counters from the loaded cases …\n'),
  });
  const list = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `Generated ${s.cases} demo cases in ${s.seconds.toFixed(1)} s (${Math.round(s.cases / s.seconds)} cases/s), received ${s.firstReceived} … ${s.lastReceived}.`,
    `  by kind:   ${list(s.byKind)}`,
    `  by status: ${list(s.byStatus)}`,
    `  overdue:   ${s.overdue} open cases past a due date`,
    ...(values.receipts ? [`  ${s.receiptsWritten} receipts written to ${values.receipts} (keep it private: each opens a case's follow-up)`] : []),
  ].join('\n');
}
