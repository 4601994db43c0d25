import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sweepStaleUploads, uploadTempName } from './upload-temp-files';

describe('sweepStaleUploads', () => {
  it('removes uploads of dead processes and keeps those of live ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clipgen-uploads-'));
    const uuid = '9b2f0c2e-1111-4222-8333-444455556666';
    const dead = `999999-${uuid}.upload`;
    const live = `1-${uuid}.upload`;
    for (const name of [dead, live, uploadTempName(uuid), 'notes.txt'])
      fs.writeFileSync(path.join(dir, name), 'x');
    expect((await sweepStaleUploads(dir)).sort()).toEqual([dead, uploadTempName(uuid)].sort());
    expect(fs.readdirSync(dir).sort()).toEqual([live, 'notes.txt'].sort());
    fs.rmSync(dir, { recursive: true });
  });
});
