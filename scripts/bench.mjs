// Measures and writes BENCHMARKS.md. Traffic goes to 127.0.0.1 only, bounded
// in time (wrk -d) and connections.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { startPortal, Client } from '../tests/e2e/portal.mjs';

const DURATION = process.env.BENCH_SECONDS || '10';
const CONNECTIONS = process.env.BENCH_CONNECTIONS || '16';

// The cabinet's first load: the page, its stylesheet and every module it imports.
const PAGE_FILES = ['public/index.html', 'public/app.css', ...readdirSync('public/js').map((f) => `public/js/${f}`)];
const pageRaw = PAGE_FILES.reduce((n, f) => n + statSync(f).size, 0);
const pageGz = PAGE_FILES.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 6 }).length, 0);

const wasm = readFileSync('build/index_bg.wasm');
const raw = statSync('build/index_bg.wasm').size;
const gz = gzipSync(wasm, { level: 9 }).length;

function wrk(url, cookie) {
  const args = ['-t2', `-c${CONNECTIONS}`, `-d${DURATION}s`, '--latency'];
  if (cookie) args.push('-H', `Cookie: ${cookie}`);
  const out = execFileSync('wrk', [...args, url], { encoding: 'utf8' });
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)[1]);
  const pct = (p) => out.match(new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`));
  const ms = (m) => Number(m[1]) * ({ us: 0.001, ms: 1, s: 1000 })[m[2]];
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] || 0);
  return { rps, p50: ms(pct(50)), p99: ms(pct(99)), non2xx, out };
}

const portal = await startPortal();
try {
  const c = new Client(portal.base);
  await c.loginAs('1000001');
  const cookie = `kabinet_session=${c.cookies.get('kabinet_session')}`;
  const me = await c.request('GET', '/api/me');
  if (me.status !== 200) throw new Error(`/api/me answered ${me.status}`);
  // Warm-up, then the two routes back to back in the same run.
  wrk(`${portal.base}/api/health`);
  const health = wrk(`${portal.base}/api/health`);
  const meRun = wrk(`${portal.base}/api/me`, cookie);
  if (meRun.non2xx > 0 || health.non2xx > 0) throw new Error('non-2xx responses during the benchmark');
  const f = (n) => n.toFixed(1);
  const date = new Date().toISOString().slice(0, 10);
  const md = `# Benchmarks

Produced by \`make bench\` (scripts/bench.sh, scripts/bench.mjs) on ${date}, on this
project's machine kind: ${cpus().length} cores (${cpus()[0].model}), Node ${process.version}.
Load: wrk, 2 threads, ${CONNECTIONS} connections, ${DURATION} s per route after a warm-up,
against \`wrangler dev\` (workerd with local D1 and KV) on 127.0.0.1. Local
workerd and the load tool share the 2 cores, so the figures are for comparing
changes, not a forecast of Cloudflare's edge.

## Worker size (release build, wasm-opt)

| | bytes | KiB | budget |
|---|---:|---:|---|
| wasm raw | ${raw} | ${f(raw / 1024)} | |
| wasm gzip -9 | ${gz} | ${f(gz / 1024)} | at most 1024 KiB gzip: ${gz <= 1024 * 1024 ? 'met' : 'NOT MET'} |

## The cabinet's first load (static files, before the API calls)

| | bytes | KiB | budget |
|---|---:|---:|---|
| HTML + CSS + ES modules, raw | ${pageRaw} | ${f(pageRaw / 1024)} | |
| the same, gzip (as served) | ${pageGz} | ${f(pageGz / 1024)} | under 150 KiB transferred: ${pageGz < 150 * 1024 ? 'met' : 'NOT MET'} |

Files: ${PAGE_FILES.join(', ')}.

## Throughput and latency

| route | requests/s | p50, ms | p99, ms |
|---|---:|---:|---:|
| \`GET /api/health\` (trivial, no storage) | ${f(health.rps)} | ${f(health.p50)} | ${f(health.p99)} |
| \`GET /api/me\` (logged in: KV session, D1 reads) | ${f(meRun.rps)} | ${f(meRun.p50)} | ${f(meRun.p99)} |

\`GET /api/me\` runs at **${(meRun.rps / health.rps * 100).toFixed(0)} %** of the trivial route's
throughput (ratio ${(meRun.rps / health.rps).toFixed(2)}).

Reproduce: \`make bench\` (BENCH_SECONDS and BENCH_CONNECTIONS change the load).
`;
  writeFileSync('BENCHMARKS.md', md);
  console.log(md);
} finally {
  await portal.stop();
}
