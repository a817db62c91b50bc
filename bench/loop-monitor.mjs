/**
 * Loaded into the benchmarked server with `node --import` (bench/server.ts): watches its event loop
 * with perf_hooks.monitorEventLoopDelay and answers the benchmark over the IPC channel it was started
 * with. Plain JavaScript: the server runs as the built bundle, without tsx. The server's own code
 * knows nothing of it.
 *
 * { type: 'loop-delay', id, reset } → { type: 'loop-delay', id, maxMs, p99Ms, meanMs, samples,
 * wholeRunMaxMs }: the delays since the last reset (then reset again when asked), and the longest
 * since the server started. A delay is the time between two ticks of
 * a timer due every RESOLUTION_MS; a request that holds the loop for B ms shows as a delay of B to
 * B + RESOLUTION_MS.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const RESOLUTION_MS = 10;

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // Never reset: the whole run, start-up, warm-ups and the pauses between scenarios included.
  const whole = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  whole.enable();
  const ms = (ns) => (Number.isFinite(ns) ? ns / 1e6 : 0);
  process.on('message', (message) => {
    if (!message || message.type !== 'loop-delay') return;
    process.send({
      type: 'loop-delay', id: message.id, resolutionMs: RESOLUTION_MS,
      maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean), samples: histogram.count,
      wholeRunMaxMs: ms(whole.max),
    });
    if (message.reset) histogram.reset();
  });
  // The channel must not keep the server alive: it stops on SIGTERM as it would without the benchmark.
  setImmediate(() => process.channel?.unref());
}
