import { PipelineStage } from '@app/persistence';
import { EtaEstimator } from './eta-estimator';
import { measuredSpeeds, PRIOR_SPEEDS } from './stage-speeds';

describe('measuredSpeeds', () => {
  it('takes the median seconds per media second of each stage, priors where none measured', () => {
    const speeds = measuredSpeeds([
      { durationSec: 100, stageTimings: { transcribe: 35, render: 11 } },
      { durationSec: 200, stageTimings: { transcribe: 85, render: 18 } },
      { durationSec: 50, stageTimings: { transcribe: 1 } }, // a cached transcript
    ]);
    // (35 − 5) / 100, the middle of 0.3, 0.4 and 0; render: (11 − 6) / 100 and (18 − 6) / 200.
    expect(speeds.transcribe).toBeCloseTo(0.3);
    expect(speeds.render).toBeCloseTo(0.055);
    expect(speeds.probe).toBe(PRIOR_SPEEDS.probe);
  });

  it('ignores jobs without a length', () => {
    expect(measuredSpeeds([{ durationSec: 0, stageTimings: { transcribe: 5 } }])).toEqual(
      PRIOR_SPEEDS,
    );
  });
});

describe('EtaEstimator', () => {
  const speeds = {
    ...PRIOR_SPEEDS,
    probe: 0,
    transcribe: 0.5,
    select: 0,
    frame: 0,
    render: 0.1,
    publish: 0,
  };

  it('uses measured speeds before a stage has gone far, and its own pace after', () => {
    let now = 0;
    const eta = new EtaEstimator(speeds, 100, () => now);
    // Start of transcribe: 5 s overhead + 50 s for it; then 17.9 s (render 6 + 10, small ones).
    expect(eta.remainingSec(PipelineStage.Transcribe, 0)).toBeCloseTo(72.9);
    // Half done after 10 s: this machine is faster than measured; 10 s left of it, then the rest.
    now = 10_000;
    expect(eta.remainingSec(PipelineStage.Transcribe, 0.5)).toBeCloseTo(27.9);
  });

  it('counts down the expected time of a stage that reports no fraction yet', () => {
    let now = 0;
    const eta = new EtaEstimator(speeds, 100, () => now);
    eta.remainingSec(PipelineStage.Render, 0);
    now = 4_000;
    // Render expects 6 + 10 s; publish 0.2 s after it.
    expect(eta.remainingSec(PipelineStage.Render, 0)).toBeCloseTo(12.2);
    now = 30_000;
    // Overdue: due now (the stages after it still count).
    expect(eta.remainingSec(PipelineStage.Render, 0.05)).toBeCloseTo(0.2);
  });

  it('gives the moment of the end', () => {
    const eta = new EtaEstimator(speeds, 100, () => 1_000_000);
    expect(eta.etaAt(PipelineStage.Render, 0).getTime()).toBe(1_016_200);
  });
});
