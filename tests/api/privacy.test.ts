/**
 * The real server process, a full named-reporter flow (submission, follow-up with the receipt,
 * messages both ways, staff JSON and HTML), then a byte search of the database files and the
 * server's own output for the reporter's identity, the client address and the receipt.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MASKS } from '../../server/identity/redact.js';
import { request, startServer, type ServerProcess } from '../crash/server.js';

const NAME = '王小明';
const PHONE = '13712345678';
const ID_NUMBER = '11010519491231002X';
const EMAIL = 'xiaoming.wang@example.com';
const CARD = '4111111111111111';
const ADDRESS_IP = '203.0.113.77';

let dir: string | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('no identity, address or receipt at rest or in the log', () => {
  it('holds after a full flow through the real server', { timeout: 120_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-privacy-'));
    server = await startServer({ NODE_ENV: 'development', INTAKE_DATA_DIR: dir });
    const from = { 'x-forwarded-for': ADDRESS_IP, 'user-agent': 'PrivacyProbe/1.0' };
    const filed = await request(`${server.url}/api/v1/cases`, 'POST', {
      kind: 'report', category: 'product.food', region: '440106', subject: { name: '某某食品厂' },
      description: `我是${NAME}，身份证${ID_NUMBER}，电话${PHONE}，邮箱${EMAIL}，工资卡${CARD}。该厂用过期原料。`,
      reward: true,
      reporter: { anonymous: false, name: NAME, phone: PHONE, idNumber: ID_NUMBER, email: EMAIL },
    }, from);
    expect(filed.status).toBe(201);
    const receipt: string = filed.body.receipt;
    const digits = receipt.replaceAll(' ', '');

    const login = await request(`${server.url}/api/v1/followup/login`, 'POST', { receipt }, from);
    expect(login.status).toBe(200);
    const reporter = { ...from, authorization: `Bearer ${login.body.token}` };
    expect((await request(`${server.url}/api/v1/followup/messages`, 'POST', { body: `有事打${PHONE}找${NAME}` }, reporter)).status).toBe(201);

    const staffLogin = await request(`${server.url}/api/v1/staff/login`, 'POST', { username: 'tianhe.handler', password: 'demo-pass-2026' }, from);
    expect(staffLogin.status).toBe(200);
    const staff = { authorization: `Bearer ${staffLogin.body.token}` };
    const json = await request(`${server.url}/api/v1/staff/cases/${filed.body.caseNumber}`, 'GET', undefined, staff);
    expect(json.status).toBe(200);
    const html = await fetch(`${server.url}/staff/cases/${filed.body.caseNumber}`, { headers: staff }).then((r) => r.text());
    expect(html).toContain(filed.body.caseNumber);
    expect(html).toContain(MASKS.mobile);
    for (const shown of [JSON.stringify(json.body), html]) {
      for (const secret of [NAME, PHONE, ID_NUMBER, EMAIL, CARD]) expect(shown).not.toContain(secret);
    }
    expect(json.body.description).toContain(MASKS.idNumber);
    expect(json.body.description).toContain(MASKS.bankCard);
    expect((await request(`${server.url}/api/v1/staff/cases/${filed.body.caseNumber}/messages`, 'POST', { body: '请补充证据。' }, staff)).status).toBe(201);
    expect((await request(`${server.url}/api/v1/followup`, 'GET', undefined, reporter)).body.messages).toHaveLength(2);

    server.child.kill('SIGTERM');
    await server.exited;
    const files = ['intake.sqlite', 'intake.sqlite-wal', 'intake.sqlite-shm'].map((f) => join(dir!, f)).filter((f) => existsSync(f));
    const haystacks = [...files.map((f) => readFileSync(f)), Buffer.from(server.output())];
    for (const needle of [NAME, PHONE, ID_NUMBER, EMAIL, CARD, ADDRESS_IP, 'PrivacyProbe', digits, receipt]) {
      for (const bytes of haystacks) expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    }
  });
});
