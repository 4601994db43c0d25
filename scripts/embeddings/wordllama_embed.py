"""Sentence embeddings with WordLlama (static token embeddings; weights inside the PyPI wheel).

Usage: wordllama_embed.py IN.json OUT.bin  — IN is a JSON list of texts; OUT gets uint32 count,
uint32 dims, then float32 vectors (little-endian), in the input order.
"""
import json
import pathlib
import struct
import sys

import numpy as np
import wordllama
from wordllama import WordLlama


def main() -> None:
    texts = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    # The wheel carries weights/ and tokenizers/ beside the code; pointing the cache there keeps
    # the loader from looking on Hugging Face (its own lookup misses the tokenizers folder).
    model = WordLlama.load(cache_dir=pathlib.Path(wordllama.__file__).parent, disable_download=True)
    vectors = model.embed(texts) if texts else np.zeros((0, 256), dtype=np.float32)
    vectors = np.ascontiguousarray(vectors, dtype="<f4")
    with open(sys.argv[2], "wb") as out:
        out.write(struct.pack("<II", vectors.shape[0], vectors.shape[1]))
        out.write(vectors.tobytes())


if __name__ == "__main__":
    main()
