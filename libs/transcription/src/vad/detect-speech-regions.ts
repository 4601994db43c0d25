import { ProcessFailedError } from '@app/media';
import { EnergyEnvelope, levelGainDb } from '../audio/energy-envelope';
import { speechRegions, TimeSpan } from '../audio/speech-regions';
import type { DetectSpeechOptions, VoiceActivityDetector } from './voice-activity-detector';

/**
 * Speech regions from the VAD model when it is installed, else from the energy envelope (which
 * cannot tell speech from music, but never misses loud speech). `method` says which one ran.
 */
export async function detectSpeechRegions(
  vad: VoiceActivityDetector | null | undefined,
  wavPath: string,
  env: EnergyEnvelope,
  options: DetectSpeechOptions = {},
): Promise<{ regions: TimeSpan[]; method: string }> {
  if (!vad || !(await vad.isReady())) return { regions: speechRegions(env), method: 'energy' };
  try {
    const gainDb = options.gainDb ?? levelGainDb(env);
    return { regions: await vad.detect(wavPath, { ...options, gainDb }), method: vad.name };
  } catch (err) {
    if (err instanceof ProcessFailedError && err.reason === 'aborted') throw err;
    return {
      regions: speechRegions(env),
      method: `energy (${vad.name} failed: ${(err as Error).message})`,
    };
  }
}
