#!/usr/bin/env python3
"""Reliability cases that need the release binary and large generated inputs.

The quick cases run with `cargo test` (tests/reliability.rs); these ones write
hundreds of megabytes or long runs of one character, so they run here, once.
Each case asserts the exit code, the rows of `errors`, what was published,
and a bound on time or memory. Usage: reliability.py path/to/gazette [CASE...]
with CASE a function name below, to run only some.
"""

import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import pyarrow.parquet as pq

GAZETTE = os.path.abspath(sys.argv[1])
SENTENCE = "식약처는 올해 45개 기업을 점검했다."
FAILURES = []


def run(args, timeout, **kwargs):
    """Runs gazette; returns (exit code, stderr, seconds, peak RSS in MB of the child)."""
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run([GAZETTE, *args], capture_output=True, text=True, timeout=timeout, **kwargs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest of any child so far: start each
    # memory case before any larger run.
    return proc.returncode, proc.stderr, time.monotonic() - started, max(after, before) / 1024


def table(out, name, columns):
    return pq.read_table(os.path.join(out, name), columns=columns).to_pylist()


def input_folder(work, files):
    """Writes {name: text} into work/in and returns the folder."""
    folder = os.path.join(work, "in")
    os.makedirs(folder)
    for name, text in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)
    return folder


def case(name):
    def wrap(fn):
        @functools.wraps(fn)
        def go():
            work = tempfile.mkdtemp(prefix="gazette-reliability-")
            try:
                fn(work)
                print(f"ok    {name}", flush=True)
            except AssertionError as error:
                FAILURES.append(name)
                print(f"FAIL  {name}: {error}")
            except subprocess.TimeoutExpired as error:
                FAILURES.append(name)
                print(f"FAIL  {name}: did not finish in {error.timeout} s")
            finally:
                shutil.rmtree(work, ignore_errors=True)

        return go

    return wrap


@case("2,000 documents of ~100 KB and 200 of 1 MB: memory bounded by chunks, not by the corpus")
def big_documents(work):
    for label, count, size in [("small", 2000, 100_000), ("big", 200, 1_000_000)]:
        path = os.path.join(work, f"{label}.jsonl")
        body = (SENTENCE + " ") * (size // len((SENTENCE + " ").encode()))
        with open(path, "w", encoding="utf-8") as f:
            for i in range(count):
                f.write(json.dumps({"id": f"{label}-{i}", "text": body}, ensure_ascii=False) + "\n")
        out = os.path.join(work, f"out-{label}")
        code, stderr, seconds, rss = run(["extract", "-q", "--keep-boilerplate", "-o", out, path], 900)
        assert code == 0, f"{label}: exit {code}: {stderr[-500:]}"
        docs = table(out, "documents", ["doc_id"])
        assert len(docs) == count, f"{label}: {len(docs)} documents"
        mb = os.path.getsize(path) / 1e6
        print(f"      {label}: {mb:.0f} MB in {seconds:.1f} s, peak RSS {rss:.0f} MB")
        assert rss < 1000, f"{label}: peak RSS {rss:.0f} MB for {mb:.0f} MB of input"
        os.remove(path)
        shutil.rmtree(out)


@case("runs of one character, 5 MB each: linear, every one done in seconds")
def long_runs(work):
    units = {
        "han": "一", "han_mixed": "一二三十百千万億", "digits": "1", "digit_groups": "1,",
        "hangul": "가", "hangul_numerals": "십", "periods": ".", "spaces": " ", "newlines": "\n",
        "full_width": "１", "capitals": "A", "initials": "A. ", "dates": "2025-07-17 ",
        "amounts": "1조 2천억 원, ", "titled_names": "Mr. Kim ",
    }
    folder = input_folder(work, {
        f"{name}.txt": f"x {unit * (5_000_000 // len(unit.encode()))} y" for name, unit in units.items()
    })
    out = os.path.join(work, "out")
    code, stderr, seconds, _ = run(["extract", "-q", "-j", "2", "-o", out, folder], 600)
    assert code == 0, f"exit {code}: {stderr[-500:]}"
    print(f"      {len(units)} files, {5 * len(units)} MB in {seconds:.1f} s")
    assert seconds < 120, f"{seconds:.0f} s"


@case("100,000 nested elements: an error row for the page, in bounded time")
def deep_html(work):
    folder = input_folder(work, {
        "abyss.html": "<div>" * 100_000 + SENTENCE,
        "soup.html": "<p>Lead.</p>" + "<span>" * 5_000 + f"<p>{SENTENCE}</p>",
    })
    out = os.path.join(work, "out")
    code, stderr, seconds, _ = run(["extract", "-q", "-o", out, folder], 300)
    assert code == 1, f"exit {code}: {stderr[-500:]}"
    errors = table(out, "errors", ["source", "message"])
    assert errors == [{"source": os.path.join(folder, "abyss.html"),
                      "message": "HTML elements nest deeper than 10000 levels; page skipped"}], errors
    assert [d["doc_id"] for d in table(out, "documents", ["doc_id"])] == ["soup"]
    print(f"      {seconds:.1f} s")
    assert seconds < 60, f"{seconds:.0f} s"


@case("`2>&1 | head -1`: the closed pipe never stops the run")
def closed_pipe(work):
    folder = input_folder(work, {
        "bad.jsonl": "{not json\n" * 5000 + json.dumps({"id": "ok", "text": SENTENCE}) + "\n",
    })
    out = os.path.join(work, "out")
    script = f'"{GAZETTE}" extract -o "{out}" "{folder}" 2>&1 | head -1; exit "${{PIPESTATUS[0]}}"'
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, f"exit {proc.returncode}"
    assert len(table(out, "errors", ["line"])) == 5000
    assert table(out, "documents", ["doc_id"]) == [{"doc_id": "ok"}]


if __name__ == "__main__":
    chosen = sys.argv[2:]
    for check in [big_documents, long_runs, deep_html, closed_pipe]:
        if not chosen or check.__name__ in chosen:
            check()
    if FAILURES:
        sys.exit(f"{len(FAILURES)} reliability case(s) failed")
