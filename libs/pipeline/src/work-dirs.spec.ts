import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { claimWorkDir, sweepWorkDirs, workerIdentity } from './work-dirs';

const ids = {
  mine: '11111111-1111-4111-8111-111111111111',
  dead: '22222222-2222-4222-8222-222222222222',
  resumable: '33333333-3333-4333-8333-333333333333',
  otherLive: '44444444-4444-4444-8444-444444444444',
};

describe('sweepWorkDirs', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-sweep-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const owned = (id: string, owner: string) => {
    fs.mkdirSync(path.join(root, id));
    fs.writeFileSync(path.join(root, id, '.owner'), owner);
    fs.writeFileSync(path.join(root, id, 'audio.wav'), 'x');
  };

  it('removes folders of dead owners unless their job may resume here', async () => {
    owned(ids.dead, `${os.hostname()}:999999`);
    owned(ids.resumable, `${os.hostname()}:999998`);
    owned(ids.otherLive, `${os.hostname()}:1`); // init: alive
    fs.mkdirSync(path.join(root, 'uploads'));
    const removed = await sweepWorkDirs(root, new Set([ids.resumable]));
    expect(removed).toEqual([ids.dead]);
    expect(fs.readdirSync(root).sort()).toEqual([ids.resumable, ids.otherLive, 'uploads'].sort());
  });

  it("removes a dead owner's single-clip folders even when their job may resume here", async () => {
    owned(`${ids.resumable}.clip-3`, `${os.hostname()}:999998`);
    owned(`${ids.resumable}.clip-4`, `${os.hostname()}:1`);
    owned(ids.resumable, `${os.hostname()}:999998`);
    const removed = await sweepWorkDirs(root, new Set([ids.resumable]));
    expect(removed).toEqual([`${ids.resumable}.clip-3`]);
  });

  it('treats its own pid as a previous life (a restarted container)', async () => {
    await claimWorkDir(path.join(root, ids.mine));
    expect(fs.readFileSync(path.join(root, ids.mine, '.owner'), 'utf8')).toBe(workerIdentity());
    expect(await sweepWorkDirs(root, new Set())).toEqual([ids.mine]);
  });
});
