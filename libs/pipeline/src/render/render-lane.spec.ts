import { RenderLane } from './render-lane';

describe('RenderLane', () => {
  it('renders pushed clips one at a time, in order, while the caller goes on', async () => {
    const log: string[] = [];
    const lane = new RenderLane(async (i) => {
      log.push(`start ${i}`);
      await new Promise((r) => setTimeout(r, 10));
      log.push(`end ${i}`);
    });
    lane.push(0, []);
    lane.push(1, []);
    log.push('framing goes on');
    await lane.drain();
    expect(log).toEqual(['framing goes on', 'start 0', 'end 0', 'start 1', 'end 1']);
  });

  it('stops at the first failure and throws it from drain', async () => {
    const rendered: number[] = [];
    const lane = new RenderLane(async (i) => {
      if (i === 1) throw new Error('ffmpeg failed');
      rendered.push(i);
    });
    [0, 1, 2].forEach((i) => lane.push(i, []));
    await expect(lane.drain()).rejects.toThrow('ffmpeg failed');
    expect(rendered).toEqual([0]);
  });
});
