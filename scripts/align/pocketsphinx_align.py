#!/usr/bin/env python3
"""Forced alignment of known words to audio windows with PocketSphinx.

The acoustic model, pronunciation dictionary and decoder all ship in the `pocketsphinx` wheel on
PyPI (CMU Sphinx en-us), so this runs offline. Whisper decides *what* was said; this pass finds
*when*, frame by frame (10 ms), which DTW over Whisper's attention cannot do reliably.

Usage: pocketsphinx_align.py REQUEST.json RESULT.json

request: {"wav": "/path/16k-mono-s16.wav",
         "windows": [{"start": 1.2, "end": 9.8, "words": ["Hello,", "world."]}, ...]}
result:  {"windows": [{"words": [{"start": 1.31, "end": 1.62} | null, ...]} | {"error": "..."}]}

A word that has nothing pronounceable (e.g. "-") gets null; a window that cannot be aligned gets
an error and the caller keeps its own timings for it. Windows are aligned one at a time, so memory
stays flat however long the recording is.
"""
import json
import re
import sys
import unicodedata
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

ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
        'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen',
        'eighteen', 'nineteen']
TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
SCALES = [(10 ** 9, 'billion'), (10 ** 6, 'million'), (1000, 'thousand'), (100, 'hundred')]
ORDINAL = {'one': 'first', 'two': 'second', 'three': 'third', 'five': 'fifth', 'eight': 'eighth',
           'nine': 'ninth', 'twelve': 'twelfth'}

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


def spell_number(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ('' if n % 10 == 0 else ' ' + ONES[n % 10])
    for value, name in SCALES:
        if n >= value:
            rest = n % value
            return spell_number(n // value) + ' ' + name + ('' if rest == 0 else ' ' + spell_number(rest))
    return ''


def spell_digits(token):
    """'1990' -> 'nineteen ninety', '3.5' -> 'three point five', '21st' -> 'twenty first'."""
    m = re.fullmatch(r'(\d+)(st|nd|rd|th)', token)
    if m:
        words = spell_number(int(m.group(1))).split()
        last = words[-1]
        words[-1] = ORDINAL.get(last) or (last[:-1] + 'ieth' if last.endswith('y') else last + 'th')
        return ' '.join(words)
    if re.fullmatch(r'\d+\.\d+', token):
        whole, frac = token.split('.')
        return spell_number(int(whole)) + ' point ' + ' '.join(ONES[int(d)] for d in frac)
    if re.fullmatch(r'\d{4}', token) and (1100 <= int(token) <= 1999 or 2010 <= int(token) <= 2099):
        hi, lo = int(token[:2]), int(token[2:])
        return spell_number(hi) + ' ' + ('hundred' if lo == 0 else ('oh ' if lo < 10 else '') + spell_number(lo))
    if re.fullmatch(r'\d+', token):
        return spell_number(int(token)) if len(token) <= 12 else ' '.join(ONES[int(d)] for d in token)
    return token


def tokens_for(word):
    """Dictionary-style tokens for one Whisper word: lower case, no punctuation, numbers spelled."""
    text = unicodedata.normalize('NFKD', word).encode('ascii', 'ignore').decode().lower()
    text = text.replace('%', ' percent').replace('&', ' and ').replace('+', ' plus ')
    dollars = '$' in text
    if re.fullmatch(r"[a-z](\.[a-z])+\.?", text):  # U.S. -> u s
        return text.replace('.', ' ').split()
    out = []
    for part in re.split(r"[\s\-/]+", text):
        part = re.sub(r"[^a-z0-9'.]", '', part).strip("'.")
        part = re.sub(r"(?<=\d),(?=\d)", '', part)
        if not part:
            continue
        if re.search(r'\d', part):
            out.extend(spell_digits(p) for p in re.findall(r'\d+(?:\.\d+)?(?:st|nd|rd|th)?|[a-z]+', part))
        else:
            out.append(part.replace('.', ''))
    if dollars:
        out.append('dollars')
    return ' '.join(out).split()


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
        per_word = [[t for t in tokens_for(w) if self.pronounce(t)] for w in words]
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
