#!/usr/bin/env python3
"""Helpers for scripts/bench-whisper.

  bench_whisper.py fw MODEL AUDIO COMPUTE_TYPE BEAM OUT.txt [LANGUAGE [PROMPT]]
                                                  run faster-whisper once, write its text, print timings
  bench_whisper.py wer REFERENCE.txt HYPOTHESIS.txt  print word error rate (%) and edit count
  bench_whisper.py cer REFERENCE.txt HYPOTHESIS.txt  print Chinese character error rate (%) and edit count

WER normalisation (same as ../shared/data/news-en/README.md): lowercase, '-' to space, keep only [a-z0-9'],
word-level Levenshtein distance. CER: CJK characters and digits only (punctuation and spaces ignored).
"""
import re
import sys
import time


def words(text):
    text = text.lower().replace("-", " ")
    return re.sub(r"[^a-z0-9' \n]", " ", text).split()


def characters(text):
    return [c for c in text if "\u4e00" <= c <= "\u9fff" or c.isdigit()]


def distance(r, h):
    previous = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        current = [i] + [0] * len(h)
        for j in range(1, len(h) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r[i - 1] != h[j - 1]))
        previous = current
    return previous[-1], len(r)


def wer(reference, hypothesis):
    return distance(words(reference), words(hypothesis))


def cer(reference, hypothesis):
    return distance(characters(reference), characters(hypothesis))


def run_faster_whisper(model_dir, audio, compute_type, beam, out_path, language="en", prompt=None):
    started = time.perf_counter()
    from faster_whisper import WhisperModel
    from faster_whisper.audio import decode_audio
    imported = time.perf_counter()
    model = WhisperModel(model_dir, device="cpu", compute_type=compute_type, cpu_threads=2)
    loaded = time.perf_counter()
    samples = decode_audio(audio, sampling_rate=16000)
    segments, _ = model.transcribe(samples, language=language, beam_size=beam, vad_filter=False,
                                   initial_prompt=prompt or None)
    text = "\n".join(segment.text.strip() for segment in segments)
    done = time.perf_counter()
    with open(out_path, "w") as out:
        out.write(text + "\n")
    # import, load, decode+transcribe (seconds)
    print(f"{imported - started:.3f} {loaded - imported:.3f} {done - loaded:.3f}")


def main():
    if sys.argv[1] == "fw":
        run_faster_whisper(*sys.argv[2:4], sys.argv[4], int(sys.argv[5]), *sys.argv[6:9])
    elif sys.argv[1] in ("wer", "cer"):
        measure = wer if sys.argv[1] == "wer" else cer
        edits, total = measure(open(sys.argv[2]).read(), open(sys.argv[3]).read())
        print(f"{100 * edits / max(1, total):.2f} {edits}/{total}")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
