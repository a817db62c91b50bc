/** /static/* serves its three assets and answers 404 for every other name, inherited ones included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t.close());

describe('/static', () => {
  it.each(['app.css', 'print.js', 'form.js'])('serves %s', async (name) => {
    const res = await t.app.request(`/static/${name}`);
    expect(res.status).toBe(200);
    expect((await res.text()).length).toBeGreaterThan(50);
  });

  // Object.prototype's members: an object-literal lookup found them and answered 500.
  it.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf',
    '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString', 'nothing.css'])('answers 404 for /static/%s', async (name) => {
    const res = await t.app.request(`/static/${name}`);
    expect(res.status).toBe(404);
  });
});
