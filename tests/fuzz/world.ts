/**
 * The data the fuzzer aims at: an app with cases of every kind (one with a photo), a follow-up
 * session, staff of each role signed in by token and by cookie, a pending disclosure request.
 */
import { expect } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { jpegWithMetadata } from '../helpers/files.js';
import { bearer, createStaff, TEST_ITERATIONS } from '../helpers/staff.js';

export interface Signed {
  username: string;
  /** Authorization: Bearer … */
  bearer: Record<string, string>;
  /** The session cookie and the CSRF token its forms carry. */
  cookie: string;
  csrf: string;
}

export interface World {
  t: TestApp;
  handler: Signed;
  intake: Signed;
  supervisor: Signed;
  admin: Signed;
  custodian: Signed;
  caseNumbers: string[];
  attachmentIds: string[];
  disclosureIds: string[];
  followupToken: string;
  receipt: string;
  /** Accounts the admin fuzz may disable, re-role or re-password without locking the fuzzer out. */
  victims: string[];
  /** A signed-in account the login fuzz may sign out, and the password it may sign in with. */
  spare: Signed & { password: string };
}

async function signIn(t: TestApp, role: Parameters<typeof createStaff>[1]['role'], department?: string | null): Promise<Signed> {
  const staff = await createStaff(t, { role, ...(department !== undefined ? { department } : {}) });
  const token = await staff.login();
  const cookie = `intake_session=${token}`;
  const me = await call(t.app, 'GET', '/api/v1/staff/me', undefined, { cookie });
  expect(me.status).toBe(200);
  return { username: staff.username, bearer: bearer(token), cookie, csrf: me.body.csrfToken as string };
}

async function submit(t: TestApp, body: unknown): Promise<{ caseNumber: string; receipt: string }> {
  const res = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(res.status, res.text).toBe(201);
  return res.body as { caseNumber: string; receipt: string };
}

async function submitWithPhoto(t: TestApp): Promise<{ caseNumber: string; receipt: string }> {
  const form = new FormData();
  // Named, so that a disclosure request has an identity to ask for.
  form.set('case', JSON.stringify(report({ reporter: { anonymous: false, name: '李四', phone: '13900139000' } })));
  form.append('attachments', new File([jpegWithMetadata()], 'IMG_0001.jpg', { type: 'image/jpeg' }));
  const res = await t.app.request('/api/v1/cases', { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return await res.json() as { caseNumber: string; receipt: string };
}

export async function buildWorld(): Promise<World> {
  // Cheap hashes for accounts the admin fuzz creates and for the dummy hash of unknown names:
  // what is tested here is the answers, not the KDF's strength.
  const t = await createTestApp({ env: {
    INTAKE_RECEIPT_DELAY_MS: '0', INTAKE_RECEIPT_MAX_FAILURES: '1000', INTAKE_PBKDF2_ITERATIONS: String(TEST_ITERATIONS),
  } });
  const [handler, intake, supervisor, admin, custodian] = [
    await signIn(t, 'handler', 'samr-440106'), await signIn(t, 'intake'), await signIn(t, 'supervisor', 'samr-440106'),
    await signIn(t, 'admin'), await signIn(t, 'custodian'),
  ];
  const victims = [(await createStaff(t, { role: 'handler', username: 'victim.one' })).username,
    (await createStaff(t, { role: 'reward_officer', username: 'victim.two' })).username];

  const spareStaff = await createStaff(t, { role: 'auditor', username: 'spare.one' });
  const spare = { ...(await signIn(t, 'auditor')), username: spareStaff.username, password: spareStaff.password };
  spare.bearer = bearer(await spareStaff.login());

  const withPhoto = await submitWithPhoto(t);
  const filed = [withPhoto, await submit(t, complaint()), await submit(t, injury()), await submit(t, report({ category: 'other' })),
    await submit(t, complaint({ description: "'); DROP TABLE cases;-- <script>alert(1)</script>" }))];
  const caseNumbers = filed.map((f) => f.caseNumber);

  const photoCase = await call(t.app, 'GET', `/api/v1/staff/cases/${withPhoto.caseNumber}`, undefined, handler.bearer);
  expect(photoCase.status).toBe(200);
  const attachmentIds = (photoCase.body.attachments as { id: string }[]).map((a) => a.id);

  const disclosure = await call(t.app, 'POST', `/api/v1/staff/cases/${withPhoto.caseNumber}/disclosure-requests`,
    { legalReason: '需核实举报人身份以便调查取证（依据《市场监督管理投诉举报处理暂行办法》）' }, handler.bearer);
  expect(disclosure.status, disclosure.text).toBe(201);

  const followup = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: withPhoto.receipt });
  expect(followup.status).toBe(200);

  return {
    t, handler, intake, supervisor, admin, custodian, caseNumbers, attachmentIds,
    disclosureIds: [disclosure.body.id as string], followupToken: followup.body.token as string, receipt: withPhoto.receipt, victims, spare,
  };
}
