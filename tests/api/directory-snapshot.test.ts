import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury } from '../helpers/bodies.js';

// Routing reads the directory from memory; a change made past this process (directory import,
// another Workers isolate, an operator's SQL) must reach the next submission all the same.
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body;

describe('the directory kept in memory', () => {
  it('follows a change written straight to the database', async () => {
    expect((await submit(complaint({ region: '440106' }))).department.code).toBe('samr-440106');
    // Tianhe's regulator no longer covers its district: the city's regulator is the most specific.
    t.store.sqlite.prepare("DELETE FROM department_jurisdictions WHERE department = 'samr-440106'").run();
    expect((await submit(complaint({ region: '440106' }))).department.code).toBe('samr-440100');
    t.store.sqlite.prepare("UPDATE departments SET name_zh = '天河区市场监管局（新）' WHERE code = 'samr-440100'").run();
    expect((await submit(complaint({ region: '440106' }))).department.name.zh).toBe('天河区市场监管局（新）');
  });

  it('follows a rule and a category changed straight in the database', async () => {
    t.store.sqlite.prepare("UPDATE routing_rules SET active = 0 WHERE category = 'product.food'").run();
    const triaged = await submit(complaint({ category: 'product.food', region: '440106' }));
    expect(triaged.department).toBeNull();
    t.store.sqlite.prepare("UPDATE categories SET kinds = 'complaint' WHERE code = 'product.child'").run();
    const refused = await call(t.app, 'POST', '/api/v1/cases', injury({ category: 'product.child', region: '440106', severity: 'minor' }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].path).toBe('category');
  });
});
