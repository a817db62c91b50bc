/** The benchmark's printed table and its target checks. */
import {
  MAX_LOOP_DELAY_MS, PLAIN_SUBMISSIONS, SUBMISSIONS_DURING_LOGIN_FLOOD, SUBMISSIONS_SIGNALS_OFF, SUBMISSIONS_SIGNALS_ON,
  SIGNAL_TURNS,
} from './scenarios.js';

export interface Measured {
  name: string;
  connections: number;
  target?: { minOkPerSecond?: number; maxP99Ms?: number } | undefined;
  requestsPerSecond: number;
  /** 2xx answers per second: for a submission, the cases accepted. */
  okPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** The server's longest event-loop delay during the scenario, and its 99th percentile (bench/loop-monitor.mjs). */
  loopMaxMs: number;
  loopP99Ms: number;
}

/** Submissions with the signal counters on may not fall below this share of those without (issue 18). */
export const MIN_SIGNALS_RATIO = 0.9;

export interface BenchResult {
  machine: { cpus: number; model: string; node: string };
  options: { cases: number; duration: number; connections: number; pageConnections: number; generatorNice: number };
  /** null when measured on an earlier run's data (--data-dir). */
  generator: { cases: number; seconds: number; casesPerSecond: number } | null;
  dbBytes: number;
  durability: string;
  peakRssBytes: number;
  /** The longest event-loop delay from the server's start to the end of the last scenario. */
  wholeRunLoopMaxMs: number;
  scenarios: Measured[];
}

const MB = 1024 * 1024;
const fixed = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatTable(r: BenchResult): string {
  const baseline = r.scenarios[0]?.okPerSecond ?? 0;
  const header = ['scenario', 'conns', 'req/s', '2xx/s', 'p50 ms', 'p99 ms', 'vs baseline', 'loop max ms', 'non-2xx'];
  const rows = r.scenarios.map((s) => [
    s.name, String(s.connections), fixed(s.requestsPerSecond), fixed(s.okPerSecond), fixed(s.p50, 1), fixed(s.p99, 1),
    baseline ? `${fixed((s.okPerSecond / baseline) * 100, 1)} %` : '-', fixed(s.loopMaxMs, 1),
    s.non2xx || s.errors ? `${s.non2xx}${s.errors ? ` (+${s.errors} errors)` : ''} ${JSON.stringify(s.statusCodes)}` : '0',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    '',
    `Machine: ${r.machine.cpus} cores (${r.machine.model}), Node ${r.machine.node}; load generator on the same cores (loopback) at nice ${r.options.generatorNice}.`,
    r.generator
      ? `Demo data: ${fixed(r.generator.cases)} cases in ${fixed(r.generator.seconds, 1)} s (${fixed(r.generator.casesPerSecond)} cases/s), database ${fixed(r.dbBytes / MB)} MB.`
      : `Demo data: an earlier run's folder, database ${fixed(r.dbBytes / MB)} MB.`,
    `Each scenario for ${r.options.duration} s; conns: concurrent connections. Submissions and logins at ${r.options.connections}`
      + ` (the issue's 50 clients); staff pages at ${r.options.pageConnections}, for the latency one member of staff sees.`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    ...floodLine(r.scenarios),
    ...signalsLine(r.scenarios),
    'loop max ms: the longest the server\'s event loop stood still during the scenario (perf_hooks.monitorEventLoopDelay,'
      + ' 10 ms resolution: a request holding it B ms shows as B to B + 10).',
    `Event loop over the whole run (start-up, warm-ups and pauses included): longest delay ${fixed(r.wholeRunLoopMaxMs, 1)} ms.`,
    `Server peak RSS (VmHWM): ${fixed(r.peakRssBytes / MB, 1)} MB`,
    `Durable commit: ${r.durability}`,
  ].join('\n');
}

/** Submissions during a login flood against plain submissions: accepted/s and p99 as ratios. */
function floodLine(scenarios: Measured[]): string[] {
  const plain = scenarios.find((s) => s.name === PLAIN_SUBMISSIONS);
  const flooded = scenarios.find((s) => s.name === SUBMISSIONS_DURING_LOGIN_FLOOD);
  if (!plain || !flooded || plain.okPerSecond === 0) return [];
  return [`Submissions during a login flood: ${fixed((flooded.okPerSecond / plain.okPerSecond) * 100, 1)} % of plain submissions' accepted/s,`
    + ` p99 ${fixed(flooded.p99, 1)} ms against ${fixed(plain.p99, 1)} ms (× ${fixed(flooded.p99 / Math.max(plain.p99, 0.1), 1)}).`, ''];
}

/** Submissions with the signal counters on and off, measured in turns: accepted/s of both and the ratio. */
function signalsRatio(scenarios: Measured[]): { on: Measured; off: Measured; ratio: number } | null {
  const on = scenarios.find((s) => s.name === SUBMISSIONS_SIGNALS_ON);
  const off = scenarios.find((s) => s.name === SUBMISSIONS_SIGNALS_OFF);
  if (!on || !off || off.okPerSecond === 0) return null;
  return { on, off, ratio: on.okPerSecond / off.okPerSecond };
}

function signalsLine(scenarios: Measured[]): string[] {
  const pair = signalsRatio(scenarios);
  if (!pair) return [];
  return [`Signal counters: ${fixed(pair.on.okPerSecond)} accepted/s with them, ${fixed(pair.off.okPerSecond)} without`
    + ` (× ${fixed(pair.ratio, 2)}), p99 ${fixed(pair.on.p99, 1)} ms against ${fixed(pair.off.p99, 1)} ms; measured in turns ${SIGNAL_TURNS.join(', ')}.`, ''];
}

/** One line per target of issues 7, 16 and 18, with the figure measured. */
export function targetLines(r: BenchResult): string[] {
  const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  const lines = [''];
  for (const s of r.scenarios) {
    if (!s.target) continue;
    const checks: boolean[] = [];
    const parts: string[] = [];
    if (s.target.minOkPerSecond !== undefined) {
      checks.push(s.okPerSecond >= s.target.minOkPerSecond);
      parts.push(`${fixed(s.okPerSecond)} accepted/s (≥ ${fixed(s.target.minOkPerSecond)})`);
    }
    if (s.target.maxP99Ms !== undefined) {
      checks.push(s.p99 < s.target.maxP99Ms);
      parts.push(`p99 ${fixed(s.p99, 1)} ms (< ${s.target.maxP99Ms})`);
    }
    // No answer at all is no latency to speak of.
    if (s.okPerSecond === 0) checks.push(false);
    lines.push(`${mark(checks.every(Boolean))}  ${s.name}: ${parts.join(', ')}${s.okPerSecond === 0 ? ' — no 2xx answer' : ''}`);
  }
  const pair = signalsRatio(r.scenarios);
  if (pair) {
    lines.push(`${mark(pair.ratio >= MIN_SIGNALS_RATIO)}  submissions with the signal counters: ${fixed(pair.on.okPerSecond)} accepted/s,`
      + ` × ${fixed(pair.ratio, 2)} of ${fixed(pair.off.okPerSecond)} without (≥ ${MIN_SIGNALS_RATIO})`);
  }
  if (r.scenarios.length > 0) {
    const worst = r.scenarios.reduce((a, b) => (b.loopMaxMs > a.loopMaxMs ? b : a));
    lines.push(`${mark(worst.loopMaxMs <= MAX_LOOP_DELAY_MS)}  event loop: longest delay ${fixed(worst.loopMaxMs, 1)} ms over all scenarios`
      + ` (≤ ${MAX_LOOP_DELAY_MS}), in "${worst.name}"`);
  }
  lines.push(`${mark(r.peakRssBytes < 300 * MB)}  peak RSS ${fixed(r.peakRssBytes / MB, 1)} MB (< 300)`);
  if (r.generator) {
    const perMillion = (r.generator.seconds / r.generator.cases) * 1_000_000;
    lines.push(`${mark(perMillion < 180)}  generator: ${fixed(perMillion)} s per 1,000,000 cases (< 180)` +
      (r.generator.cases === 1_000_000 ? '' : ` (extrapolated from ${fixed(r.generator.cases)})`));
    if (r.generator.cases < 1_000_000) lines.push('note: the page targets are for 1,000,000 cases; this run has fewer.');
  }
  return lines;
}
