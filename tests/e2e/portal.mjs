// Starts the portal as `make dev` does: wrangler dev (workerd, local D1, KV,
// Queues, cron via /__scheduled) on a fresh state in a temporary folder,
// with migrations applied and the demo data loaded. The worker is built
// once beforehand by scripts/test.sh (KABINET_PREBUILT=1 skips rebuilding).

import { spawn, execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const execFileAsync = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');
const ENV = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  KABINET_PREBUILT: '1',
  NO_COLOR: '1',
};

function wrangler(args, dir) {
  return execFileSync(WRANGLER, [...args, '--persist-to', dir], { cwd: ROOT, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A port nobody listens on now (leftovers of a killed run may hold the usual ones). */
async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

export async function startPortal() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-e2e-'));
  const base = `http://127.0.0.1:${port}`;
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local'], dir);
  wrangler(['d1', 'execute', 'DB', '--local', '--file', 'seed/demo.sql'], dir);
  const child = spawn(WRANGLER, [
    'dev', '--ip', '127.0.0.1', '--port', String(port), '--test-scheduled',
    '--persist-to', dir, '--var', `PUBLIC_URL:${base}`, '--show-interactive-dev-session=false',
  ], { cwd: ROOT, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // The whole process group (wrangler and its workerd children), at once:
  // its state folder is thrown away, nothing needs a graceful stop.
  const kill = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.on('exit', kill);
  let log = '';
  // Kept for whoever reads a failed run: test-results/wrangler-<port>.log
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const logFile = createWriteStream(join(ROOT, 'test-results', `wrangler-${port}.log`));
  const collect = (d) => { log += d; logFile.write(d); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      // wrangler builds twice at start and restarts workerd in between:
      // only "Ready on" says the final one is listening.
      if (log.includes('Ready on')) {
        const r = await fetch(`${base}/api/health`);
        if (r.ok) break;
      }
    } catch { /* not up yet */ }
    if (Date.now() > deadline || child.exitCode !== null) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      throw new Error(`wrangler dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    log: () => log,
    /**
     * Runs SQL on the local D1 (the same SQLite files wrangler dev uses).
     * Asynchronous on purpose: a blocked event loop misses the server closing
     * idle keep-alive connections, and the next fetch then fails.
     */
    async sql(command) {
      const { stdout } = await execFileAsync(WRANGLER,
        ['d1', 'execute', 'DB', '--local', '--json', '--command', command, '--persist-to', dir],
        { cwd: ROOT, env: ENV, encoding: 'utf8' });
      return JSON.parse(stdout)[0].results;
    },
    async stop() {
      kill();
      await new Promise((r) => setTimeout(r, 200));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tiny HTTP client with one cookie jar, redirects followed by hand. */
export class Client {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  async request(method, path, { body, form, headers = {} } = {}) {
    const init = { method, redirect: 'manual', headers: { ...headers } };
    const jar = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (jar) init.headers.cookie = jar;
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (form !== undefined) {
      init.headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = new URLSearchParams(form).toString();
    }
    const url = path.startsWith('http') ? path : this.base + path;
    const response = await fetch(url, init);
    for (const c of response.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, value] = pair.split('=');
      if (attrs.some((a) => a.trim() === 'Max-Age=0')) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  /** Logs in through /api/auth/login and the development provider as a demo person. */
  async loginAs(oid) {
    const start = await this.request('GET', '/api/auth/login');
    const authorize = new URL(start.headers.get('location'));
    const page = await this.request('GET', authorize.pathname + authorize.search);
    if (page.status !== 200) throw new Error(`dev idp page: ${page.status}`);
    const form = Object.fromEntries(authorize.searchParams);
    form.oid = oid;
    const code = await this.request('POST', '/dev/idp/login', { form });
    const callback = await this.request('GET', code.headers.get('location'));
    if (callback.status !== 303) throw new Error(`callback: ${callback.status} ${await callback.text()}`);
    return callback;
  }
}
