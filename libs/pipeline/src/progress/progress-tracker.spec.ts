import { PipelineStage } from '@app/persistence';
import { overallProgress, ProgressTracker } from './progress-tracker';

describe('overallProgress', () => {
  it('weights stages into one 0–100 scale', () => {
    expect(overallProgress(PipelineStage.Probe, 0)).toBe(0);
    expect(overallProgress(PipelineStage.Transcribe, 0)).toBe(5);
    expect(overallProgress(PipelineStage.Transcribe, 0.5)).toBe(27);
    expect(overallProgress(PipelineStage.Publish, 1)).toBe(100);
  });
});

describe('ProgressTracker', () => {
  it('forwards stage changes at once and throttles updates within a stage', async () => {
    const seen: number[] = [];
    const tracker = new ProgressTracker(async (e) => void seen.push(e.progress), 60_000);
    tracker.report(PipelineStage.Probe, 0);
    tracker.report(PipelineStage.Probe, 0.5);
    tracker.report(PipelineStage.Transcribe, 0);
    await tracker.flush();
    expect(seen).toEqual([0, 5]);
  });

  it('never reports progress going backwards within a stage', async () => {
    const seen: number[] = [];
    const tracker = new ProgressTracker(async (e) => void seen.push(e.progress), 0);
    tracker.report(PipelineStage.Transcribe, 0.8);
    tracker.report(PipelineStage.Transcribe, 0.1);
    tracker.report(PipelineStage.Transcribe, 0.9);
    await tracker.flush();
    expect(seen).toEqual([41, 45]);
  });
});
