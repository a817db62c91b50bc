/**
 * Counting the queued cases for the quality signals (docs/signals.md, "Counting"; migration 0033).
 * A case insert queues the case in signal_pending; these statements, run in order inside the same
 * transaction before it commits, count the cases queued for the earliest day at once and take them
 * off the queue: on Node until the queue is empty, once per group commit or at the end of a batch's
 * own transaction; on D1 at the end of each batch (server/worker/d1.ts), where the queue holds that
 * batch's cases. They take no parameters, so every runtime runs the same text.
 *
 * The keys of a case (0030): business, its credit code when the check character holds; product, its
 * GTIN when the check digit holds (13 digits, a GTIN-14 with a packaging indicator keeps 14), else
 * lower(brand)|lower(model); spike, category@city per ISO week (its Monday). Days are Beijing days.
 * A case inserted already merged into a case counted under the same key is not counted under it.
 *
 * Then, in this order: cases whose day a signal of their key already covers join it (a row of
 * signal_joins, appended; see JOINS_WAITING); a business or product key whose uncovered cases bring
 * its window to N cases within D days raises a signal, whose window starts D − 1 days before the last
 * of them (or the day after the key's previous window) and ends D − 1 days after it; a spike week of
 * at least 10 cases and more than 3 × the mean of its 12 weeks before raises one; a signal just raised
 * is linked to all of its key's cases in its window. One signal per key and window: the UNIQUE index
 * holds even if two writers ever raced.
 */

/** The product key of the case row `c` (SQL): its GTIN as 13 digits when the check digit holds, else brand|model. */
const productKey = (c: string) => `CASE WHEN ${c}.product_gtin IS NOT NULL AND ${c}.gtin_check_failed = 0
  THEN CASE WHEN length(${c}.product_gtin) = 14 AND substr(${c}.product_gtin, 1, 1) != '0'
    THEN ${c}.product_gtin ELSE substr('0000000000000' || ${c}.product_gtin, -13) END
  ELSE lower(trim(${c}.product_brand)) || '|' || lower(trim(${c}.product_model)) END`;

/** The spike key of the case row `c` (SQL): category@city, the city being the region's first four digits + 00. */
const spikeKey = (c: string) => `${c}.category || '@' || substr(${c}.region, 1, 4) || '00'`;

const CASE_KEYS = `
  SELECT k.type, k.key, k.period, k.case_id, k.received_at FROM (
    SELECT 'business' AS type, c.subject_credit_code AS key, date(c.received_at, '+8 hours') AS period,
        c.id AS case_id, c.received_at AS received_at, c.status AS status, c.merged_into AS merged_into
      FROM signal_pending q JOIN cases c ON c.id = q.case_id AND q.day = (SELECT min(day) FROM signal_pending)
      WHERE c.subject_credit_code IS NOT NULL AND c.credit_code_check_failed = 0
    UNION ALL
    SELECT 'product',
        ${productKey('c')},
        date(c.received_at, '+8 hours'), c.id, c.received_at, c.status, c.merged_into
      FROM signal_pending q JOIN cases c ON c.id = q.case_id AND q.day = (SELECT min(day) FROM signal_pending)
      WHERE (c.product_gtin IS NOT NULL AND c.gtin_check_failed = 0)
        OR (trim(coalesce(c.product_brand, '')) != '' AND trim(coalesce(c.product_model, '')) != '')
    UNION ALL
    SELECT 'spike', ${spikeKey('c')},
        date(c.received_at, '+8 hours', '-6 days', 'weekday 1'), c.id, c.received_at, c.status, c.merged_into
      FROM signal_pending q JOIN cases c ON c.id = q.case_id AND q.day = (SELECT min(day) FROM signal_pending)
  ) AS k
  WHERE k.status != 'merged' OR NOT EXISTS (SELECT 1 FROM cases t WHERE t.id = k.merged_into AND k.key = CASE k.type
    WHEN 'business' THEN CASE WHEN t.credit_code_check_failed = 0 THEN t.subject_credit_code END
    WHEN 'product' THEN ${productKey('t')}
    ELSE ${spikeKey('t')} END)`;

// business and product: N cases within D days among the key's cases no signal covers yet.
const RAISE_WINDOWED = `WITH k AS MATERIALIZED (
   SELECT g.type, g.key, max(g.period) AS p, max(g.received_at) AS raised_at FROM signal_staged g
   WHERE g.type IN ('business', 'product') AND g.signal_id IS NULL
   GROUP BY g.type, g.key
 ), b AS MATERIALIZED (
   SELECT k.type, k.key, k.p, k.raised_at, st.window_days AS days, st.min_cases AS min_cases,
     max(date(k.p, '-' || (st.window_days - 1) || ' days'),
       coalesce((SELECT date(x.window_end, '+1 day') FROM signals x WHERE x.type = k.type AND x.key = k.key
         ORDER BY x.window_start DESC LIMIT 1), '')) AS lo
   FROM k CROSS JOIN signal_settings st WHERE st.id = 1
 ), t AS MATERIALIZED (
   SELECT b.type, b.key, b.p, b.raised_at, b.days, b.min_cases, b.lo,
     (SELECT count(*) FROM signal_members m WHERE m.type = b.type AND m.key = b.key AND m.period >= b.lo AND m.period <= b.p) AS total
   FROM b
 )
 INSERT INTO signals (id, type, key, window_start, window_end, window_days, count, raised_at)
 SELECT lower(hex(randomblob(12))), t.type, t.key, t.lo, date(t.p, '+' || (t.days - 1) || ' days'), t.days, t.total, t.raised_at
 FROM t WHERE t.total >= t.min_cases
 ON CONFLICT (type, key, window_start) DO NOTHING`;

// spike: a week of at least 10 cases and more than 3 × its trailing 12-week mean (4 × n > their sum).
// The 12 weeks before are read as 12 probes of the week-first key (0038).
const TRAILING_WEEKS = Array.from({ length: 12 }, (_, i) => `date(c.period, '-${7 * (i + 1)} days')`).join(', ');
const RAISE_SPIKE = `INSERT INTO signals (id, type, key, window_start, window_end, window_days, count, raised_at)
 SELECT lower(hex(randomblob(12))), 'spike', c.key, c.period, date(c.period, '+6 days'), 7, c.n, k.raised_at
 FROM (SELECT g.key, g.period, max(g.received_at) AS raised_at FROM signal_staged g WHERE g.type = 'spike' GROUP BY g.key, g.period) AS k
 CROSS JOIN signal_week_counts c ON c.period = k.period AND c.key = k.key
 WHERE c.n >= 10
   AND NOT EXISTS (SELECT 1 FROM signals s WHERE s.type = 'spike' AND s.key = c.key AND s.window_start = c.period)
   AND 4 * c.n > (SELECT coalesce(sum(p.n), 0) FROM signal_week_counts p
     WHERE p.key = c.key AND p.period IN (${TRAILING_WEEKS}))
 ON CONFLICT (type, key, window_start) DO NOTHING`;

// A signal just raised has no case yet: it takes every case of its key in its window. (It is open and
// was raised at the time of one of the cases being counted: a short range of signals_status.)
export const LINK_RAISED = `INSERT INTO signal_cases (signal_id, case_id)
 SELECT s.id, m.case_id FROM signals s
 CROSS JOIN signal_members m ON m.type = s.type AND m.key = s.key AND m.period >= s.window_start AND m.period <= s.window_end
 WHERE s.type != 'spike' AND s.status = 'open' AND s.raised_at >= (SELECT min(received_at) FROM signal_staged)
   AND NOT EXISTS (SELECT 1 FROM signal_cases x WHERE x.signal_id = s.id)
 UNION ALL
 SELECT s.id, w.case_id FROM signals s
 CROSS JOIN signal_week_members w ON w.period = s.window_start AND w.key = s.key
 WHERE s.type = 'spike' AND s.status = 'open' AND s.raised_at >= (SELECT min(received_at) FROM signal_staged)
   AND NOT EXISTS (SELECT 1 FROM signal_cases x WHERE x.signal_id = s.id)
 ON CONFLICT DO NOTHING`;

/**
 * Joined cases wait in signal_joins, appended in the order counted. While JOINS_WAITING or more wait,
 * each settle moves a sixteenth of them into signal_cases, sorted: those of the signals whose id begins
 * with the next hex digit (signal_settings.joins_moved, the digit moved last). Written there at once,
 * each commit wrote a page of every signal it touched (at a million cases the largest cost of counting);
 * moved, a signal's page is written once for the cases it gathered meanwhile, and a move is small
 * (about JOINS_WAITING / 16 rows) so that no commit holds the event loop long.
 */
export const JOINS_WAITING = 4096;
const JOINS_FULL = `(SELECT count(*) FROM signal_joins) >= ${JOINS_WAITING}`;
const JOINS_DIGIT = `(SELECT substr('0123456789abcdef', joins_moved + 1, 1) FROM signal_settings WHERE id = 1)`;
/** The move, in this order: the next sixteenth, its rows copied, then deleted. */
const MOVE_JOINS: readonly string[] = [
  `UPDATE signal_settings SET joins_moved = (joins_moved + 1) % 16 WHERE id = 1 AND ${JOINS_FULL}`,
  `INSERT INTO signal_cases (signal_id, case_id)
   SELECT signal_id, case_id FROM signal_joins WHERE ${JOINS_FULL} AND substr(signal_id, 1, 1) = ${JOINS_DIGIT}
   ORDER BY signal_id, case_id
   ON CONFLICT DO NOTHING`,
  `DELETE FROM signal_joins WHERE ${JOINS_FULL} AND substr(signal_id, 1, 1) = ${JOINS_DIGIT}`,
];

export const SETTLE_SIGNALS: readonly string[] = [
  `INSERT INTO signal_staged (type, key, period, case_id, received_at) ${CASE_KEYS}
   ON CONFLICT DO NOTHING`,
  // The signal whose window holds the day. A key's windows never overlap, so it can only be the key's
  // latest window starting on or before the day: one index probe, however many windows the key has had.
  `UPDATE signal_staged SET signal_id = (SELECT s.id FROM signals s WHERE s.id = (SELECT x.id FROM signals x
     WHERE x.type = signal_staged.type AND x.key = signal_staged.key AND x.window_start <= signal_staged.period
     ORDER BY x.window_start DESC LIMIT 1) AND s.window_end >= signal_staged.period)`,
  `INSERT INTO signal_week_counts (period, key, n)
   SELECT period, key, count(*) FROM signal_staged WHERE type = 'spike' GROUP BY period, key
   ON CONFLICT (period, key) DO UPDATE SET n = n + excluded.n`,
  // Joining the signal that already covers the day: a link (a signal's count is its links), appended.
  `INSERT INTO signal_joins (signal_id, case_id)
   SELECT signal_id, case_id FROM signal_staged WHERE signal_id IS NOT NULL`,
  // The cases no signal covers are members: what the windows below count and a raised signal takes.
  `INSERT INTO signal_members (type, key, period, case_id)
   SELECT type, key, period, case_id FROM signal_staged WHERE signal_id IS NULL AND type != 'spike'
   ON CONFLICT DO NOTHING`,
  `INSERT INTO signal_week_members (period, key, case_id)
   SELECT period, key, case_id FROM signal_staged WHERE signal_id IS NULL AND type = 'spike'
   ON CONFLICT DO NOTHING`,
  RAISE_WINDOWED,
  RAISE_SPIKE,
  LINK_RAISED,
  ...MOVE_JOINS,
  'DELETE FROM signal_staged',
  'DELETE FROM signal_pending WHERE day = (SELECT min(day) FROM signal_pending)',
];

/**
 * On Node (server/node/signal-settle.ts), statements that have nothing to do are skipped: the raises
 * (the statements keyed here) only when a staged case of their kind is covered by no signal (the query
 * given finds one), the linking of raised signals only when a raise inserted one. Skipped, they would
 * have inserted no row. D1 runs the batch's statements as they are.
 */
export const SETTLE_ONLY_IF: ReadonlyMap<string, string> = new Map([
  [RAISE_WINDOWED, "SELECT 1 FROM signal_staged WHERE type IN ('business', 'product') AND signal_id IS NULL LIMIT 1"],
  [RAISE_SPIKE, "SELECT 1 FROM signal_staged WHERE type = 'spike' AND signal_id IS NULL LIMIT 1"],
]);
