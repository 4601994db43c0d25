#!/usr/bin/env python3
"""Speech regions of a 16 kHz mono WAV with the Silero VAD model.

The ONNX model ships in the `silero-vad` wheel on PyPI (installed without its torch dependency);
it runs here on onnxruntime, so this is offline and light. Unlike an energy threshold, Silero
tells speech from music, noise and tones, so those are never sent to Whisper.

Usage: detect_speech.py AUDIO.wav RESULT.json [GAIN_DB]
GAIN_DB amplifies the audio before the model hears it (samples clipped at full scale): the model
was trained on ordinary levels and misses much of a low-gain recording otherwise.
result: {"model": "silero-vad 6.2.3", "regions": [{"start": 0.42, "end": 3.1}, ...]}

The WAV is streamed 32 ms at a time (the model's window), so memory stays flat for hours of
audio. Progress goes to stderr as `progress = N%`.
"""
import importlib.metadata
import importlib.util
import json
import os
import sys
import wave

import numpy as np
import onnxruntime

SAMPLE_RATE = 16000
WINDOW = 512            # samples per model call at 16 kHz
CONTEXT = 64            # samples of the previous window the model expects in front
THRESHOLD = 0.5         # speech starts at this probability...
NEG_THRESHOLD = 0.35    # ...and ends below this one (hysteresis, as in silero's own utils)
MIN_SPEECH_SEC = 0.25
MIN_SILENCE_SEC = 0.3
PAD_SEC = 0.2


def model_path():
    # find_spec does not import the package (its __init__ imports torch, which we do not install).
    spec = importlib.util.find_spec('silero_vad')
    if spec is None or spec.origin is None:
        raise SystemExit('silero-vad is not installed (run `npm run setup`)')
    return os.path.join(os.path.dirname(spec.origin), 'data', 'silero_vad_16k_op15.onnx')


def session():
    opts = onnxruntime.SessionOptions()
    opts.inter_op_num_threads = 1
    opts.intra_op_num_threads = 1
    return onnxruntime.InferenceSession(model_path(), providers=['CPUExecutionProvider'], sess_options=opts)


def speech_probabilities(wav, sess, gain=1.0):
    """Yields (time of the window's start, speech probability) for each 32 ms window."""
    state = np.zeros((2, 1, 128), dtype=np.float32)
    context = np.zeros((1, CONTEXT), dtype=np.float32)
    sr = np.array(SAMPLE_RATE, dtype=np.int64)
    position = 0
    while True:
        raw = wav.readframes(WINDOW)
        if not raw:
            return
        x = np.frombuffer(raw, dtype='<i2').astype(np.float32) / 32768.0
        if gain != 1.0:
            x = np.clip(x * gain, -1.0, 1.0)
        if len(x) < WINDOW:
            x = np.pad(x, (0, WINDOW - len(x)))
        frame = np.concatenate([context, x[None, :]], axis=1)
        out, state = sess.run(None, {'input': frame, 'state': state, 'sr': sr})
        context = frame[:, -CONTEXT:]
        yield position / SAMPLE_RATE, float(out[0][0])
        position += WINDOW


def regions(probabilities, duration):
    spans = []
    start = None
    silence_since = None
    for t, p in probabilities:
        if start is None:
            if p >= THRESHOLD:
                start, silence_since = t, None
            continue
        if p >= THRESHOLD:
            silence_since = None
        elif p < NEG_THRESHOLD:
            silence_since = t if silence_since is None else silence_since
            if t - silence_since >= MIN_SILENCE_SEC:
                spans.append((start, silence_since))
                start, silence_since = None, None
    if start is not None:
        spans.append((start, duration))
    # Pad each region, but where pads would overlap, meet halfway: the pause stays a place where
    # a long recording can be cut into chunks.
    kept = [(s, e) for s, e in spans if e - s >= MIN_SPEECH_SEC]
    padded = []
    for i, (s, e) in enumerate(kept):
        start = max(0.0, s - PAD_SEC) if i == 0 else max(s - PAD_SEC, (kept[i - 1][1] + s) / 2)
        end = min(duration, e + PAD_SEC) if i == len(kept) - 1 else min(e + PAD_SEC, (e + kept[i + 1][0]) / 2)
        padded.append({'start': round(start, 3), 'end': round(end, 3)})
    return padded


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit('usage: detect_speech.py AUDIO.wav RESULT.json [GAIN_DB]')
    gain = 10 ** (float(sys.argv[3]) / 20) if len(sys.argv) == 4 else 1.0
    sess = session()
    with wave.open(sys.argv[1], 'rb') as wav:
        if wav.getframerate() != SAMPLE_RATE or wav.getnchannels() != 1 or wav.getsampwidth() != 2:
            raise SystemExit('expected 16 kHz mono 16-bit WAV')
        duration = wav.getnframes() / SAMPLE_RATE
        total_windows = max(1, wav.getnframes() // WINDOW)

        def with_progress(probs):
            reported = -1
            for i, item in enumerate(probs):
                percent = int(100 * i / total_windows)
                if percent != reported and percent % 5 == 0:
                    print(f'progress = {percent}%', file=sys.stderr, flush=True)
                    reported = percent
                yield item

        found = regions(with_progress(speech_probabilities(wav, sess, gain)), duration)
    version = importlib.metadata.version('silero-vad')
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        json.dump({'model': f'silero-vad {version}', 'regions': found}, f)


if __name__ == '__main__':
    main()
