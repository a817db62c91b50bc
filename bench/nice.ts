/**
 * The load generator's priority. The generator (autocannon, the login flood) shares the server's
 * cores: at nice 19 it takes what the server leaves, as clients elsewhere would; at 0 a server thread
 * waiting behind it looks stalled.
 *
 * It is set for every thread of this process. On Linux a nice value belongs to a thread:
 * `setPriority(0, n)` lowers only the calling one, and threads started before it keep their own. V8's
 * helper threads (the generator's garbage collection, started with the process) kept nice 0: in the
 * login flood they ran about 0.9 s of every 6 s in bursts of up to 16 ms, and the server's event loop
 * waited behind them for a core (`perf sched timehist`). Threads started after this call inherit the
 * calling thread's value.
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/** `--generator-nice`: 19 unless given; anything but a whole number from 0 to 19 ends the run with a message. */
export function generatorNice(given: string | undefined): number {
  const nice = Number(given ?? 19);
  if (Number.isInteger(nice) && nice >= 0 && nice <= 19) return nice;
  process.stderr.write(`--generator-nice takes a whole number from 0 to 19, not ${given}\n`);
  process.exit(2);
}

export function lowerGeneratorPriority(nice: number): void {
  setPriority(0, nice);
  let threads: string[];
  try {
    threads = readdirSync('/proc/self/task');
  } catch {
    return; // no /proc (not Linux): the calling thread's value is all there is to set
  }
  for (const tid of threads) {
    try {
      setPriority(Number(tid), nice);
    } catch {
      // a thread that ended meanwhile
    }
  }
}
