#!/usr/bin/env python3
"""Forced alignment of known words to audio windows with PocketSphinx.

The acoustic model, pronunciation dictionary and decoder all ship in the `pocketsphinx` wheel on
PyPI (CMU Sphinx en-us), so this runs offline. Whisper decides *what* was said; this pass finds
*when*, frame by frame (10 ms), which DTW over Whisper's attention cannot do reliably.

Usage: pocketsphinx_align.py REQUEST.json RESULT.json

request: {"wav": "/path/16k-mono-s16.wav",
         "windows": [{"start": 1.2, "end": 9.8, "words": [["hello"], ["nineteen", "ninety"]]}, ...]}

Each word arrives as the dictionary-style tokens the caller made of it (lower case, numbers
spelled: libs/transcription alignmentTokens).
result:  {"windows": [{"words": [{"start": 1.31, "end": 1.62} | null, ...]} | {"error": "..."}]}

A word with no pronounceable token gets null; a window that cannot be aligned gets
an error and the caller keeps its own timings for it. Windows are aligned one at a time, so memory
stays flat however long the recording is.
"""
import json
import re
import sys
import wave

from pocketsphinx import Decoder

SAMPLE_RATE = 16000
FRAME_SEC = 0.01
# Wide beams: with a fixed word sequence the search space is small, and narrow beams make the
# search lose the grammar's final state on noisy or overlapped speech.
DECODER_OPTIONS = dict(
    samprate=SAMPLE_RATE, bestpath=False, loglevel='ERROR', lm=None,
    beam=1e-100, pbeam=1e-100, wbeam=1e-80,
)

# Letter-to-sound rules for words the dictionary lacks (names, brands): crude, but an anchor
# with roughly the right phones keeps its neighbours in place. Longest match first.
LETTER_RULES = [
    ('tion', 'SH AH N'), ('sion', 'ZH AH N'), ('ough', 'AO'), ('igh', 'AY'), ('sch', 'S K'),
    ('ch', 'CH'), ('sh', 'SH'), ('th', 'TH'), ('ph', 'F'), ('ng', 'NG'), ('ck', 'K'),
    ('qu', 'K W'), ('wh', 'W'), ('kn', 'N'), ('ee', 'IY'), ('ea', 'IY'), ('oo', 'UW'),
    ('ou', 'AW'), ('ow', 'OW'), ('ai', 'EY'), ('ay', 'EY'), ('oi', 'OY'), ('oy', 'OY'),
    ('au', 'AO'), ('aw', 'AO'), ('er', 'ER'), ('ir', 'ER'), ('ur', 'ER'), ('ie', 'IY'),
    ('a', 'AE'), ('b', 'B'), ('c', 'K'), ('d', 'D'), ('e', 'EH'), ('f', 'F'), ('g', 'G'),
    ('h', 'HH'), ('i', 'IH'), ('j', 'JH'), ('k', 'K'), ('l', 'L'), ('m', 'M'), ('n', 'N'),
    ('o', 'AA'), ('p', 'P'), ('q', 'K'), ('r', 'R'), ('s', 'S'), ('t', 'T'), ('u', 'AH'),
    ('v', 'V'), ('w', 'W'), ('x', 'K S'), ('y', 'IY'), ('z', 'Z'),
]


def letter_phones(word):
    phones = []
    i = 0
    w = re.sub(r'(.)\1', r'\1', word.replace("'", ''))
    if len(w) > 3 and w.endswith('e'):
        w = w[:-1]
    while i < len(w):
        for letters, ph in LETTER_RULES:
            if w.startswith(letters, i):
                phones.extend(ph.split())
                i += len(letters)
                break
        else:
            i += 1
    return phones


class Aligner:
    def __init__(self):
        self.decoder = Decoder(**DECODER_OPTIONS)
        self.added = set()

    def pronounce(self, token):
        """Makes sure the dictionary knows `token`; False if it cannot be pronounced at all."""
        if token in self.added or self.decoder.lookup_word(token):
            return True
        phones = None
        if token.endswith("'s") and self.decoder.lookup_word(token[:-2]):
            phones = self.decoder.lookup_word(token[:-2]).split() + ['Z']
        else:
            # A compound of two dictionary words (e.g. "whatsapp"), else letter-to-sound rules.
            for cut in range(len(token) - 2, 2, -1):
                head, tail = self.decoder.lookup_word(token[:cut]), self.decoder.lookup_word(token[cut:])
                if head and tail:
                    phones = head.split() + tail.split()
                    break
            phones = phones or letter_phones(token)
        if not phones:
            return False
        self.decoder.add_word(token, ' '.join(phones), True)
        self.added.add(token)
        return True

    def align(self, pcm, start_sec, words):
        per_word = [[t for t in tokens if self.pronounce(t)] for tokens in words]
        flat = [t for tokens in per_word for t in tokens]
        if not flat:
            return {'words': [None] * len(words)}
        self.decoder.set_align_text(' '.join(flat))
        self.decoder.start_utt()
        self.decoder.process_raw(pcm, full_utt=True)
        self.decoder.end_utt()
        segs = [s for s in (self.decoder.seg() or []) if not re.fullmatch(r'<.*>|\[.*\]|\+\+.*\+\+', s.word)]
        names = [re.sub(r'\(\d+\)$', '', s.word) for s in segs]
        if names != flat:
            return {'error': 'alignment did not reach the end of the words'}
        times = iter(segs)
        out = []
        for tokens in per_word:
            if not tokens:
                out.append(None)
                continue
            spans = [next(times) for _ in tokens]
            out.append({
                'start': round(start_sec + spans[0].start_frame * FRAME_SEC, 3),
                'end': round(start_sec + (spans[-1].end_frame + 1) * FRAME_SEC, 3),
            })
        return {'words': out}


def read_window(wav, start, end):
    rate = wav.getframerate()
    first = max(0, int(start * rate))
    last = min(wav.getnframes(), int(end * rate))
    wav.setpos(first)
    return wav.readframes(max(0, last - first)), first / rate


def main():
    if len(sys.argv) != 3:
        raise SystemExit('usage: pocketsphinx_align.py REQUEST.json RESULT.json')
    with open(sys.argv[1], encoding='utf-8') as f:
        request = json.load(f)
    aligner = Aligner()
    results = []
    with wave.open(request['wav'], 'rb') as wav:
        if wav.getframerate() != SAMPLE_RATE or wav.getnchannels() != 1 or wav.getsampwidth() != 2:
            raise SystemExit('expected 16 kHz mono 16-bit WAV')
        for window in request['windows']:
            pcm, start = read_window(wav, window['start'], window['end'])
            try:
                results.append(aligner.align(pcm, start, window['words']))
            except Exception as err:  # one bad window must not cost the others their timings
                results.append({'error': str(err)})
    with open(sys.argv[2], 'w', encoding='utf-8') as f:
        json.dump({'windows': results}, f)


if __name__ == '__main__':
    main()
