#!/usr/bin/env python3
"""Precision of the mentions the rules find (methods `pattern` and `acronym`) on real text.

The text is the benchmark corpus built by `make_corpus.py` (see the shared bench README):
its `docs_unique.jsonl`, every source document once. `judgements.tsv` beside this script holds
one judged mention a line: document id, code-point offsets, surface, type, verdict (1 right,
0 wrong, by the annotation guidelines) and the sample it was drawn in; no other text of the
corpus is kept here.

    check.py CORPUS_DIR [--gazette BIN] [--min 0.90]
        runs gazette over the corpus, finds each judged mention again and prints, per sample,
        the precision of those still found; exits 1 when the last sample's is below --min.
    check.py CORPUS_DIR --sample 200 --seed 13 > review.tsv
        draws a new random sample of the rules' mentions, with context to judge them by.

Without the corpus the check is skipped (exit 0), so it can run anywhere. Needs pyarrow.
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JUDGEMENTS = os.path.join(HERE, "judgements.tsv")
RULE_METHODS = {"pattern", "acronym"}


def read_table(out, name):
    import pyarrow.parquet as pq

    path = os.path.join(out, name + ".parquet")
    files = [path] if os.path.exists(path) else sorted(
        glob.glob(os.path.join(out, name, "**", "*.parquet"), recursive=True))
    rows = []
    for f in files:
        rows.extend(pq.read_table(f).to_pylist())
    return rows


def rule_mentions(corpus, binary):
    out = tempfile.mkdtemp(prefix="gazette-precision-")
    subprocess.run([binary, "extract", "-q", "-o", out, os.path.join(corpus, "docs_unique.jsonl")],
                   check=True)
    mentions = [m for m in read_table(out, "mentions")
                if (m.get("method") or m.get("source")) in RULE_METHODS]
    return out, mentions


def read_judgements():
    rows = []
    with open(JUDGEMENTS, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            doc, start, end, surface, entity_type, verdict, sample = line.rstrip("\n").split("\t")
            rows.append((doc, int(start), int(end), surface, entity_type, int(verdict), sample))
    return rows


def check(corpus, binary, minimum):
    _, mentions = rule_mentions(corpus, binary)
    found = {(m["doc_id"], m["start"], m["end"], m["surface"], m["entity_type"]) for m in mentions}
    judged = read_judgements()
    print(f"rule mentions on the corpus: {len(mentions)}")
    samples = list(dict.fromkeys(j[6] for j in judged))
    precision = 0.0
    for name in samples:
        rows = [j for j in judged if j[6] == name]
        still = [j for j in rows if j[:5] in found]
        gone = [j for j in rows if j[:5] not in found]
        right = sum(j[5] for j in still)
        drawn = sum(j[5] for j in rows) / len(rows)
        precision = right / len(still) if still else 0.0
        print(f"{name}: {len(rows)} judged, precision when drawn {drawn:.3f}; still found "
              f"{len(still)}, precision now {precision:.3f}; no longer found {len(gone)} "
              f"({sum(1 - j[5] for j in gone)} of them wrong)")
    print(f"PRECISION {precision:.3f} on the last sample (minimum {minimum:.2f})")
    return 0 if precision >= minimum else 1


def sample(corpus, binary, size, seed):
    out, mentions = rule_mentions(corpus, binary)
    texts = {d["doc_id"]: d["text"] for d in read_table(out, "documents")}
    mentions.sort(key=lambda m: (m["doc_id"], m["start"]))
    for m in random.Random(seed).sample(mentions, min(size, len(mentions))):
        text = texts[m["doc_id"]]
        left = text[max(0, m["start"] - 60):m["start"]].replace("\n", " ").replace("\t", " ")
        right = text[m["end"]:m["end"] + 60].replace("\n", " ").replace("\t", " ")
        print("\t".join([m["doc_id"], str(m["start"]), str(m["end"]), m["surface"],
                         m["entity_type"], left + "[[" + m["surface"] + "]]" + right]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--gazette", default=os.path.join(ROOT, "target", "release", "gazette"))
    parser.add_argument("--min", type=float, default=0.90)
    parser.add_argument("--sample", type=int)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.corpus, "docs_unique.jsonl")):
        print(f"no corpus at {args.corpus}: skipped")
        return 0
    if args.sample:
        sample(args.corpus, args.gazette, args.sample, args.seed)
        return 0
    return check(args.corpus, args.gazette, args.min)


if __name__ == "__main__":
    sys.exit(main())
