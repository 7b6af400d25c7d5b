import { expect, it } from 'vitest';
import { buildApp } from './app.js';
import { describeEachDatabase } from './db/test-databases.js';
import { testApp, testConfig } from './testing/test-app.js';

describeEachDatabase('HTTP conventions', (database, kind) => {
  let env: Awaited<ReturnType<typeof testApp>>;

  it('reports health and the database in use', async () => {
    env = await testApp(database());
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok', database: kind });
  });

  it('makes every /api route declare a right or say it is public', async () => {
    const routes = env.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/me');
    const { app } = await buildApp({ config: testConfig(), database: database() });
    expect(() => app.get('/api/unguarded', async () => 'oops')).toThrow(/declares neither a right nor public/);
    expect(() => app.get('/api/unknown-right', { config: { right: 'nope' as never } }, async () => 'oops')).toThrow(/no policy grants/);
    await app.close();
  });

  it('serves the OpenAPI description', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/directory/establishments/{establishmentId}/people']));
  });

  it('answers unknown API addresses with a JSON 404', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('request.not_found');
  });

  it('refuses oversized and malformed bodies with clear errors', async () => {
    const big = await env.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: 'a', password: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
    const broken = await env.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('validation.failed');
  });

  it('sets security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describeEachDatabase('serving the web client', (database) => {
  it('serves client routes with the app, but a missing asset with 404', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const webDir = mkdtempSync(join(tmpdir(), 'preau-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Préau</title>');
    const { app } = await buildApp({ config: testConfig({ webDir }), database: database() });
    const page = await app.inject({ method: 'GET', url: '/annuaire?q=x' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const asset = await app.inject({ method: 'GET', url: '/assets/missing-1234.js' });
    expect(asset.statusCode).toBe(404);
    // Plain HTTP by default: no HSTS, no upgrade of asset requests to HTTPS.
    expect(page.headers['strict-transport-security']).toBeUndefined();
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await app.close();
    const https = await buildApp({ config: testConfig({ webDir, https: true }), database: database() });
    const secure = await https.app.inject({ method: 'GET', url: '/' });
    expect(secure.headers['strict-transport-security']).toBeDefined();
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    await https.app.close();
  });
});
