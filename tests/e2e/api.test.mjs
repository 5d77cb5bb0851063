// Wiring on wrangler dev: D1, KV sessions, the queue consumer, cron, static
// assets and headers, all through the real worker on workerd.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPortal, Client } from './portal.mjs';

let portal;
before(async () => { portal = await startPortal(); });
after(async () => { await portal?.stop(); });

async function eventually(check, what) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('health and the OpenAPI document are served by the worker', async () => {
  const health = await fetch(`${portal.base}/api/health`);
  assert.deepEqual(await health.json(), { status: 'ok' });
  const doc = await (await fetch(`${portal.base}/api/openapi.json`)).json();
  assert.equal(doc.openapi, '3.0.3');
  assert.ok(doc.paths['/api/me'].get);
});

test('login through the development provider stores the person in D1 and the session in KV', async () => {
  const c = new Client(portal.base);
  const callback = await c.loginAs('1000002');
  assert.equal(callback.headers.get('location'), '/kabinet/zayavleniya');
  const cookie = callback.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /Secure/);
  assert.match(cookie, /SameSite=Lax/);
  const me = await (await c.request('GET', '/api/me')).json();
  assert.equal(me.display_name, 'Смирнова Анна Сергеевна');
  assert.equal(me.personal.snils, '234-567-891 00');
  const rows = await portal.sql("SELECT last_name, email FROM users WHERE esia_oid = '1000002'");
  assert.deepEqual(rows, [{ last_name: 'Смирнова', email: 'smirnova@example.ru' }]);
});

test('the queue consumer writes the audit log of a login', async () => {
  const c = new Client(portal.base);
  await c.loginAs('1000004');
  const rows = await eventually(async () => {
    const r = await portal.sql("SELECT a.action FROM audit_log a JOIN users u ON u.id = a.user_id WHERE u.esia_oid = '1000004'");
    return r.length > 0 && r;
  }, 'the audit log row');
  assert.deepEqual(rows, [{ action: 'login' }]);
});

test('a cross-origin logout is refused and the session survives; a same-origin one ends it', async () => {
  const c = new Client(portal.base);
  await c.loginAs('1000001');
  const evil = await c.request('POST', '/api/auth/logout', { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
  assert.equal(evil.status, 403);
  assert.equal((await evil.json()).error.code, 'cross_site');
  assert.equal((await c.request('GET', '/api/me')).status, 200);
  const sessionId = c.cookies.get('kabinet_session');
  const out = await c.request('POST', '/api/auth/logout', { headers: { origin: portal.base } });
  assert.equal(out.status, 204);
  assert.equal(c.cookies.has('kabinet_session'), false);
  // Even with the old cookie sent again, the session is gone from KV.
  c.cookies.set('kabinet_session', sessionId);
  const me = await c.request('GET', '/api/me');
  assert.equal(me.status, 401);
  assert.equal((await me.json()).error.code, 'unauthorized');
});

test('a wrong state on the callback is refused with a page', async () => {
  const c = new Client(portal.base);
  const r = await c.request('GET', '/api/auth/callback?code=x&state=forged');
  assert.equal(r.status, 400);
  assert.match(await r.text(), /Не удалось войти/);
  assert.equal(c.cookies.size, 0);
});

test('the cleanup cron removes expired logins, and running it twice changes nothing', async () => {
  await portal.sql("INSERT INTO oidc_logins (state, nonce, code_verifier, expires_at) VALUES ('old', 'n', 'v', '2000-01-01T00:00:00Z')");
  const before = (await portal.sql('SELECT COUNT(*) AS n FROM oidc_logins'))[0].n;
  const cron = encodeURIComponent('*/15 * * * *');
  assert.equal((await fetch(`${portal.base}/__scheduled?cron=${cron}`)).status, 200);
  await eventually(async () => (await portal.sql("SELECT state FROM oidc_logins WHERE state = 'old'")).length === 0, 'the cleanup');
  const afterOnce = (await portal.sql('SELECT COUNT(*) AS n FROM oidc_logins'))[0].n;
  assert.equal(afterOnce, before - 1);
  await fetch(`${portal.base}/__scheduled?cron=${cron}`);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal((await portal.sql('SELECT COUNT(*) AS n FROM oidc_logins'))[0].n, afterOnce);
});

test('cabinet URLs serve the page with a strict Content-Security-Policy', async () => {
  for (const path of ['/', '/kabinet/lichnye-dannye', '/kabinet/deti']) {
    const r = await fetch(portal.base + path);
    assert.equal(r.status, 200, path);
    assert.match(await r.text(), /<script type="module" src="\/js\/app.js">/);
    assert.match(r.headers.get('content-security-policy'), /script-src 'self'/);
  }
});

test('unknown API routes and garbage input are 4xx JSON, never 500', async () => {
  const r = await fetch(`${portal.base}/api/nope`);
  assert.equal(r.status, 404);
  assert.equal((await r.json()).error.code, 'route_not_found');
  const big = await fetch(`${portal.base}/dev/idp/persons`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(70_000),
  });
  assert.equal(big.status, 413);
  const me = await fetch(`${portal.base}/api/me`, { headers: { cookie: 'kabinet_session=%00%ff' } });
  assert.equal(me.status, 401);
});

test('children, their documents and the user\'s records go through D1 and stay with their owner', async () => {
  const owner = new Client(portal.base);
  await owner.loginAs('1000001');
  const stranger = new Client(portal.base);
  await stranger.loginAs('1000002');
  const same = { headers: { origin: portal.base } };

  const created = await owner.request('POST', '/api/children', { ...same, body: {
    last_name: 'Тестов', first_name: 'Мирон', birth_date: '2022-05-01', gender: 'M',
  } });
  assert.equal(created.status, 201);
  const child = await created.json();
  const main = await owner.request('PUT', `/api/children/${child.id}/main`, { ...same, body: {
    version: 1, last_name: 'Тестов', first_name: 'Мирон', birth_date: '2022-05-01', gender: 'M',
    registration: { region: 'Калининградская область', locality: 'г. Светлогорск', house: '12' },
    actual_same_as_registration: true,
  } });
  assert.equal(main.status, 200);
  const stale = await owner.request('PUT', `/api/children/${child.id}/health`, { ...same, body: { version: 1 } });
  assert.equal(stale.status, 409);
  const doc = await owner.request('POST', `/api/children/${child.id}/documents`, { ...same, body: {
    doc_type: 'birth_certificate', series: 'II-ИВ', number: '123456', issued_on: '2022-05-10',
    issued_by: 'Отдел ЗАГС', act_record_number: '170220390001',
  } });
  assert.equal(doc.status, 201);
  assert.equal((await doc.json()).has_birth_document, true);
  const stored = await portal.sql(`SELECT registration FROM children WHERE id = '${child.id}'`);
  assert.equal(JSON.parse(stored[0].registration).locality, 'г. Светлогорск');

  for (const [method, path] of [['GET', `/api/children/${child.id}`], ['DELETE', `/api/children/${child.id}`]]) {
    const r = await stranger.request(method, path, same);
    assert.equal(r.status, 404, `${method} ${path}`);
  }
  const bad = await owner.request('POST', '/api/children', { ...same, body: { last_name: 'Testov' } });
  assert.equal(bad.status, 422);
  assert.equal((await bad.json()).error.fields.last_name, 'Используйте только русские буквы, дефис, пробел или апостроф');

  const passport = await owner.request('POST', '/api/documents', { ...same, body: {
    doc_type: 'passport_rf', series: '2710', number: '123456', issued_on: '2010-06-01', issued_by: 'ОВД', division_code: '390-017',
  } });
  assert.equal(passport.status, 201);
  const pid = (await passport.json()).id;
  assert.equal((await stranger.request('DELETE', `/api/documents/${pid}`, same)).status, 404);
  assert.equal((await owner.request('DELETE', `/api/documents/${pid}`, same)).status, 204);
  assert.equal((await owner.request('DELETE', `/api/children/${child.id}`, same)).status, 204);
  assert.deepEqual(await portal.sql('SELECT COUNT(*) AS n FROM child_documents'), [{ n: 0 }]);
});
