/**
 * Redaction as people type (issue 13 item 4), through the real HTTP app: each kind of personal data
 * in each spelling (tests/fuzz/pii.ts), embedded in ordinary text, is submitted in the description,
 * the claim, the subject's name or address, or a follow-up message; none of it may survive to a
 * staff surface (case JSON, case page, queue JSON and page, hand-over form, department mail) or to
 * any plaintext column of the database; nor may a satisfaction comment keep it. And ordinary amounts, dates, case numbers, credit codes
 * and model numbers come through unchanged. The seed is fixed; FUZZ_SEED and FUZZ_RUNS vary it.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../server/deps.js';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { getPage, signIn, type Session } from '../helpers/pages.js';
import { bearer } from '../helpers/staff.js';
import {
  EMAIL_SPELLINGS, emailPii, embedded, NAME_SPELLINGS, NUMBER_KINDS, NUMBER_SPELLINGS, numberPii, ownNamePii, SELF_PHRASES,
  selfNamedPii, type Pii,
} from './pii.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const RUNS = Math.max(1, Math.round(3 * Number(process.env.FUZZ_RUNS ?? 1)));
// Columns that hold ciphertext, keys or hashes, not text anyone reads.
const SEALED_COLUMNS = new Set(['ciphertext', 'wrapped_key', 'iv', 'totp_secret', 'password_hash', 'hash', 'prev_hash',
  'receipt_hash', 'id_hash', 'csrf_token', 'sha256', 'storage_key']);

let t: TestApp;
let staff: Session;
const mails: MailMessage[] = [];
const needles: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  Object.assign(t.deps, { mailer: { send: async (m: MailMessage) => { mails.push(m); } } });
  staff = await signIn(t, { role: 'intake' });
});
afterAll(async () => {
  await t?.close();
});

/** What a reader could make out: NFKC, lower case, and (for the needle search) no separators. */
function readable(text: string): { digits: string; compact: string } {
  const folded = text.normalize('NFKC').toLowerCase();
  return { digits: folded.replace(/[^0-9]/g, ''), compact: folded.replace(/[\s·・.\-_*/\\()[\]]/g, '') };
}

function leaks(surface: string, pii: Pii): boolean {
  const r = readable(surface);
  return /^\d+$/.test(pii.needle) ? r.digits.includes(pii.needle) : r.compact.includes(pii.needle.replace(/[.]/g, ''));
}

type Field = 'description' | 'claim' | 'subjectName' | 'subjectAddress' | 'message';

/** Files a case with `pii` in `field`, posts the follow-up message, returns the case number. */
async function submit(pii: Pii, field: Field, text: string): Promise<string> {
  const kind = pii.ownName || field === 'claim' ? 'complaint' : pii.kind === 'selfNamed' ? 'report' : (['complaint', 'report', 'injury'] as const)[text.length % 3]!;
  const base = kind === 'complaint' ? complaint() : kind === 'report' ? report() : injury();
  const body: Record<string, any> = { ...base, subject: { ...base.subject } };
  if (kind === 'complaint') body.reporter = { ...body.reporter, name: pii.ownName ?? '欧阳娜娜' };
  if (field === 'description') body.description = text;
  if (field === 'claim') body.claim = text.slice(0, 2000);
  if (field === 'subjectName') body.subject.name = `某某食品有限公司（${pii.typed}）`;
  if (field === 'subjectAddress') body.subject.address = `广州市天河区体育西路1号 ${pii.typed} 收`;
  const filed = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(filed.status, filed.text).toBe(201);
  if (field === 'message') {
    const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    const sent = await call(t.app, 'POST', '/api/v1/followup/messages', { body: text }, bearer(login.body.token));
    expect(sent.status, sent.text).toBe(201);
  }
  return filed.body.caseNumber as string;
}

/** Every staff surface of the case, as text. */
async function staffSurfaces(caseNumber: string): Promise<Record<string, string>> {
  const before = mails.length;
  await drainOutbox(t.deps);
  const surfaces: Record<string, string> = {
    'case JSON': (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, bearer(staff.token))).text,
    'case page': (await getPage(t, `/staff/cases/${caseNumber}`, staff)).html,
    'queue JSON': (await call(t.app, 'GET', '/api/v1/staff/cases?limit=5', undefined, bearer(staff.token))).text,
    'queue page': (await getPage(t, '/staff/', staff)).html,
    'hand-over form': (await getPage(t, `/staff/cases/${caseNumber}/handover`, staff)).html,
    'department mail': mails.slice(before).map((m) => `${m.subject}\n${m.text}\n${m.html ?? ''}`).join('\n'),
  };
  expect(surfaces['case JSON']).toContain(caseNumber);
  expect(surfaces['hand-over form']).toContain(caseNumber);
  return surfaces;
}

const FIELDS: Field[] = ['description', 'claim', 'subjectName', 'subjectAddress', 'message'];

async function checkNone(pii: Pii, field: Field, text: string) {
  const caseNumber = await submit(pii, field, text);
  needles.push(pii.needle);
  for (const [name, surface] of Object.entries(await staffSurfaces(caseNumber))) {
    expect(leaks(surface, pii), `${pii.kind} typed "${pii.typed}" in the ${field} is readable in the ${name}`).toBe(false);
  }
}

const property = (pii: fc.Arbitrary<Pii>, fields: Field[] = FIELDS) =>
  fc.asyncProperty(
    pii.chain((p) => fc.tuple(fc.constant(p), fc.constantFrom(...fields), embedded([p.typed]))),
    async ([p, field, text]) => checkNone(p, field, text),
  );

const options = { seed: SEED, numRuns: RUNS, endOnFailure: true };

describe('no personal data survives to a staff surface, however typed', () => {
  for (const kind of NUMBER_KINDS) {
    it(`a ${kind} in every spelling`, { timeout: 120_000 }, async () => {
      for (const spelling of NUMBER_SPELLINGS) await fc.assert(property(numberPii(kind, spelling)), options);
    });
  }
  it('an e-mail address in every spelling', { timeout: 120_000 }, async () => {
    for (const spelling of EMAIL_SPELLINGS) await fc.assert(property(emailPii(spelling)), options);
  });
  it("the reporter's own name in every spacing", { timeout: 120_000 }, async () => {
    for (const spelling of NAME_SPELLINGS) await fc.assert(property(ownNamePii(spelling)), options);
  });
  it('a name after a self-identifying phrase in an anonymous report', { timeout: 120_000 }, async () => {
    for (const phrase of SELF_PHRASES) await fc.assert(property(selfNamedPii(phrase), ['description', 'message']), options);
  });

  it('a satisfaction comment, whatever it holds', { timeout: 120_000 }, async () => {
    const kinds = [numberPii('mobile', 'full-width'), numberPii('idNumber', 'letters adjacent'), emailPii('full-width @'), selfNamedPii('我叫')];
    await fc.assert(fc.asyncProperty(fc.oneof(...kinds).chain((p) => fc.tuple(fc.constant(p), embedded([p.typed]))), async ([p, text]) => {
      const filed = await call(t.app, 'POST', '/api/v1/cases', report());
      // Closing takes a whole lifecycle; the comment is what is under test, so the row is closed directly.
      await t.deps.db.updateTable('cases').set({ status: 'closed' }).where('case_number', '=', filed.body.caseNumber).execute();
      const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
      const rated = await call(t.app, 'POST', '/api/v1/followup/satisfaction', { rating: 2, resolved: false, comment: text.slice(0, 2000) }, bearer(login.body.token));
      expect(rated.status, rated.text).toBe(201);
      needles.push(p.needle);
      const row = await t.deps.db.selectFrom('satisfaction').innerJoin('cases', 'cases.id', 'satisfaction.case_id')
        .select('satisfaction.comment').where('cases.case_number', '=', filed.body.caseNumber).executeTakeFirstOrThrow();
      expect(leaks(row.comment ?? '', p), `${p.typed} readable in the stored comment: ${row.comment}`).toBe(false);
    }), options);
  });

  it('and none of it is in any plaintext column of the database', { timeout: 120_000 }, async () => {
    expect(needles.length).toBeGreaterThan(100);
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.deps.db);
    let cells = 0;
    const found: string[] = [];
    const digitNeedles = needles.filter((n) => /^\d+$/.test(n));
    const textNeedles = needles.filter((n) => !/^\d+$/.test(n)).map((n) => n.replace(/[.]/g, ''));
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string; type: string }>`select name, type from pragma_table_info(${name})`.execute(t.deps.db);
      for (const column of columns.rows) {
        if (!/TEXT/i.test(column.type) || SEALED_COLUMNS.has(column.name)) continue;
        const values = await sql<{ v: string | null }>`select ${sql.ref(column.name)} as v from ${sql.table(name)}`.execute(t.deps.db);
        for (const { v } of values.rows) {
          if (v === null) continue;
          cells++;
          const r = readable(v);
          for (const needle of digitNeedles) if (r.digits.includes(needle)) found.push(`${needle} in ${name}.${column.name}: ${v.slice(0, 200)}`);
          for (const needle of textNeedles) if (r.compact.includes(needle)) found.push(`${needle} in ${name}.${column.name}: ${v.slice(0, 200)}`);
        }
      }
    }
    expect(found).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
  });
});

// What handlers need as evidence: none of it may be masked.
const KEPT = [
  '金额￥3,500', '共计13,800,138,000元', '2026-11-20', '2026/11/20 13:05', '2026年11月20日', 'GD2026112600042',
  '91350200776049653A', '91440101MA5CJQ4N59', '9135021359498494XQ', '91350203M0001QAY9B', 'KFR-35GW/(35592)FNhAa-A1',
  'XQG100-HBD14126L', 'SM-G9910', 'A3108', '6901234567892', '4006381333931', '10012345678902', '订单号 340524198001010013',
  '批号20261120', '1,280.00 元', '12315', '第3批次', 'No. 2026-0042', 'v2.13.8', '生产许可证SC10644010600123',
];

describe('ordinary numbers and codes stay readable', () => {
  it('through the intake and the staff case JSON', { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.constantFrom(...KEPT), { minLength: 1, maxLength: 4 }).chain((kept) => fc.tuple(fc.constant(kept), embedded(kept))),
      async ([kept, text]) => {
        const filed = await call(t.app, 'POST', '/api/v1/cases', report({ description: text, subject: { name: `某某食品有限公司 ${kept[0]}` } }));
        expect(filed.status, filed.text).toBe(201);
        const shown = (await call(t.app, 'GET', `/api/v1/staff/cases/${filed.body.caseNumber}`, undefined, bearer(staff.token))).body;
        expect(shown.description).toBe(text);
        expect(shown.subject.name).toBe(`某某食品有限公司 ${kept[0]}`);
      },
    ), { seed: SEED, numRuns: 40 * RUNS, endOnFailure: true });
  });
});
