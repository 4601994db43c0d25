/**
 * A private clipgen deployment for fault injection: its own Redis and PostgreSQL on free ports
 * (the machine's shared services are never touched), the built API and worker as real processes,
 * and helpers to kill, restart and inspect them. Used by the fault tests and `npm run bench:faults`.
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitUntil(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function pgBin(name) {
  const base = '/usr/lib/postgresql';
  const version = fs.readdirSync(base).sort().pop();
  return path.join(base, version, 'bin', name);
}

/** Runs a PostgreSQL tool as the postgres user when we are root (PostgreSQL refuses root). */
function asPostgres(bin, args, options = {}) {
  const isRoot = process.getuid && process.getuid() === 0;
  return isRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], options)
    : execFileSync(bin, args, options);
}

/** Every file below `root`, as paths relative to it (none when it does not exist). */
function listFiles(root) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else found.push(path.relative(root, p));
    }
  };
  walk(root);
  return found;
}

class ManagedProcess {
  constructor(name, command, args, env, logFile) {
    this.name = name;
    this.startedAt = Date.now();
    this.log = fs.openSync(logFile, 'a');
    this.logFile = logFile;
    this.child = spawn(command, args, { env, stdio: ['ignore', this.log, this.log] });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
  }
  get pid() {
    return this.child.pid;
  }
  async stop(signal = 'SIGTERM', timeoutMs = 30_000) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const result = await this.exited;
    clearTimeout(timer);
    fs.closeSync(this.log);
    return result;
  }
  logText() {
    return fs.readFileSync(this.logFile, 'utf8');
  }
}

class FaultCluster {
  constructor(options = {}) {
    this.options = { postgres: true, ...options };
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-faults-'));
    this.workDir = path.join(this.dir, 'work');
    this.storageDir = path.join(this.dir, 'storage');
    this.processes = [];
  }

  async start() {
    this.redisPort = await freePort();
    await this.startRedis();
    if (this.options.postgres) await this.startPostgres();
    this.apiPort = await freePort();
    return this;
  }

  async startRedis() {
    this.redis = new ManagedProcess(
      'redis',
      'redis-server',
      ['--port', String(this.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      process.env,
      path.join(this.dir, 'redis.log'),
    );
    await waitUntil(() => this.tcpOpen(this.redisPort), 10_000, 'private redis');
  }

  async startPostgres() {
    this.pgPort ??= await freePort();
    this.pgData = path.join(this.dir, 'pg');
    if (!fs.existsSync(this.pgData)) {
      fs.mkdirSync(this.pgData, { mode: 0o700 });
      if (process.getuid && process.getuid() === 0) execFileSync('chown', ['-R', 'postgres', this.dir]);
      asPostgres(pgBin('initdb'), ['-D', this.pgData, '-A', 'trust', '-U', 'postgres'], { stdio: 'ignore' });
    }
    asPostgres(pgBin('pg_ctl'), [
      '-D', this.pgData, '-l', path.join(this.dir, 'pg.log'), '-w', '-o',
      `-p ${this.pgPort} -k ${this.pgData} -c listen_addresses=127.0.0.1`, 'start',
    ], { stdio: 'ignore' });
  }

  stopPostgres() {
    if (!this.pgData) return;
    try {
      asPostgres(pgBin('pg_ctl'), ['-D', this.pgData, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
    } catch {
      /* already stopped */
    }
  }

  /** Ends every server connection of clipgen's database, as a failover or a proxy restart would. */
  dropPostgresConnections() {
    const sql =
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid()";
    return Number(
      asPostgres(pgBin('psql'), ['-h', '127.0.0.1', '-p', String(this.pgPort), '-U', 'postgres', '-tAc', sql])
        .toString()
        .trim(),
    );
  }

  /** Rows in the jobs table (PostgreSQL deployments). */
  jobRowCount() {
    return Number(
      asPostgres(pgBin('psql'), ['-h', '127.0.0.1', '-p', String(this.pgPort), '-U', 'postgres', '-tAc', 'SELECT count(*) FROM jobs'])
        .toString()
        .trim(),
    );
  }

  tcpOpen(port) {
    return new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
  }

  env(extra = {}) {
    return {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(this.apiPort),
      DATABASE_URL: this.options.postgres
        ? `postgres://postgres@127.0.0.1:${this.pgPort}/postgres`
        : `sqlite:${path.join(this.dir, 'clipgen.db')}`,
      REDIS_URL: `redis://127.0.0.1:${this.redisPort}`,
      QUEUE_PREFIX: 'faults',
      // Some scenarios run the API alone; several workers share one host here.
      HEALTH_REQUIRE_WORKER: 'false',
      WORKER_METRICS_PORT: '0',
      STORAGE_TYPE: 'local',
      STORAGE_DIR: this.storageDir,
      WORK_DIR: this.workDir,
      SHUTDOWN_GRACE_SEC: '20',
      // The scenarios are about one worker's recovery; a killed worker's fresh heartbeat must not
      // make its successor fan clips out (fan-out has its own tests; bench:scale turns it on).
      RENDER_FAN_OUT: 'off',
      ...extra,
    };
  }

  startApi(extra) {
    const api = new ManagedProcess('api', 'node', [path.join(ROOT, 'dist/apps/api/src/main.js')],
      this.env(extra), path.join(this.dir, `api-${this.processes.length}.log`));
    this.processes.push(api);
    return waitUntil(() => this.tcpOpen(this.apiPort), 30_000, 'api').then(() => api);
  }

  /** A worker process; with `cpu`, pinned to that core (taskset), as if it had a machine of one core. */
  startWorker(extra, { cpu } = {}) {
    const main = path.join(ROOT, 'dist/apps/worker/src/main.js');
    const [command, args] = cpu === undefined ? ['node', [main]] : ['taskset', ['-c', String(cpu), 'node', main]];
    const worker = new ManagedProcess('worker', command, args,
      this.env(extra), path.join(this.dir, `worker-${this.processes.length}.log`));
    this.processes.push(worker);
    return worker;
  }

  url(p) {
    return `http://127.0.0.1:${this.apiPort}${p}`;
  }

  async upload(file, fields = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, String(v));
    form.set('file', await fs.openAsBlob(file), path.basename(file));
    const res = await fetch(this.url('/api/upload-video'), { method: 'POST', body: form });
    return { status: res.status, body: await res.json() };
  }

  async status(jobId) {
    return (await fetch(this.url(`/api/status/${jobId}`))).json();
  }

  waitForStatus(jobId, predicate, timeoutMs, what) {
    return waitUntil(async () => {
      const s = await this.status(jobId);
      return predicate(s) ? s : null;
    }, timeoutMs, what);
  }

  /** Processes (engines, helpers) still working on this deployment's files. */
  orphans(exceptPids = []) {
    const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
    return out
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.includes(this.workDir))
      .map((l) => ({ pid: Number(l.split(/\s+/)[0]), args: l.slice(l.indexOf(' ') + 1, 200) }))
      .filter((p) => !exceptPids.includes(p.pid));
  }

  /** Files in the work folder: after every job has ended, there should be none. */
  leftoverFiles() {
    return listFiles(this.workDir);
  }

  /** Stored objects of a job, in every area (local layout: <area>/<id>/...), as `<area>/<path>`. */
  storedObjects(jobId) {
    return ['uploads', 'processing', 'results']
      .flatMap((area) => listFiles(path.join(this.storageDir, area, jobId)).map((f) => `${area}/${f}`))
      .sort();
  }

  async stop() {
    for (const p of this.processes) await p.stop('SIGKILL').catch(() => undefined);
    await this.redis?.stop('SIGKILL');
    this.stopPostgres();
    if (!process.env.KEEP_FAULT_DIR) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { FaultCluster, waitUntil, sleep, freePort, ROOT };
