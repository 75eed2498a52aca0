#!/usr/bin/env python3
"""Reads a gazette output directory with real pandas and Polars and checks the
contract a data scientist relies on: the documented dtypes, the file metadata,
and that every offset slices documents.text to the stored surface.

usage: check_output.py OUTPUT_DIR [--min-docs N]
"""
import argparse
import os
import sys

import pandas as pd
import polars as pl
import pyarrow.parquet as pq

TABLES = ("documents", "sentences", "entities", "mentions", "figures", "errors")

POLARS_DTYPES = {
    "documents": {"doc_id": pl.String, "source": pl.String, "title": pl.String, "url": pl.String,
                  "lang": pl.String, "published": pl.Date, "text": pl.String, "n_chars": pl.UInt32,
                  "n_sentences": pl.UInt32, "boilerplate_chars": pl.Int64,
                  "content_hash": pl.String},
    "sentences": {"doc_id": pl.String, "sentence_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
                  "lang": pl.String, "text": pl.String},
    "entities": {"entity_id": pl.String, "entity_type": pl.String, "canonical": pl.String,
                 "name_ko": pl.String, "name_ja": pl.String, "name_zh": pl.String,
                 "aliases": pl.List(pl.String), "country": pl.String},
    "mentions": {"doc_id": pl.String, "sentence_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
                 "surface": pl.String, "entity_id": pl.String, "entity_type": pl.String,
                 "source": pl.String},
    "figures": {"doc_id": pl.String, "sentence_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
                "surface": pl.String, "kind": pl.String, "value": pl.Float64, "value_max": pl.Float64,
                "unit": pl.String, "date": pl.Date, "subject": pl.String, "entity_id": pl.String},
    "errors": {"source": pl.String, "line": pl.UInt32, "level": pl.String, "message": pl.String},
}

PANDAS_NUMERIC = {"n_chars": "uint32", "n_sentences": "uint32", "boilerplate_chars": "int64",
                  "sentence_id": "uint32",
                  "start": "uint32", "end": "uint32", "value": "float64", "value_max": "float64"}


def fail(message):
    print(f"check_output: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--min-docs", type=int, default=1)
    args = ap.parse_args()

    for name in TABLES:
        path = os.path.join(args.out, f"{name}.parquet")
        if not os.path.exists(path):
            fail(f"missing table {path}")
        metadata = pq.read_metadata(path)
        kv = metadata.metadata
        if kv.get(b"gazette.schema_version") != b"1" or not kv.get(b"gazette.run_id"):
            fail(f"{name}: schema version or run id missing from the file metadata")
        for i in range(metadata.num_row_groups):
            rg = metadata.row_group(i)
            for c in range(rg.num_columns):
                if rg.column(c).compression != "ZSTD":
                    fail(f"{name}: column {rg.column(c).path_in_schema} is not zstd-compressed")
        frame = pl.read_parquet(path)
        expected = POLARS_DTYPES[name]
        if list(frame.columns)[: len(expected)] != list(expected):
            fail(f"{name}: columns {frame.columns}, expected {list(expected)}")
        for column, dtype in expected.items():
            if frame.schema[column] != dtype:
                fail(f"{name}.{column}: Polars dtype {frame.schema[column]}, expected {dtype}")
        pdf = pd.read_parquet(path)
        for column, dtype in PANDAS_NUMERIC.items():
            if column in pdf.columns and str(pdf[column].dtype) != dtype:
                fail(f"{name}.{column}: pandas dtype {pdf[column].dtype}, expected {dtype}")

    docs = pd.read_parquet(os.path.join(args.out, "documents.parquet"))
    if len(docs) < args.min_docs:
        fail(f"only {len(docs)} documents, expected at least {args.min_docs}")
    if docs["doc_id"].duplicated().any():
        fail("duplicate doc_id in documents")
    if docs["boilerplate_chars"].isna().any() or (docs["boilerplate_chars"] < 0).any():
        fail("documents.boilerplate_chars must be a non-negative count")
    text = dict(zip(docs["doc_id"], docs["text"]))
    for row in docs.itertuples():
        if row.n_chars != len(row.text):
            fail(f"{row.doc_id}: n_chars {row.n_chars} != len(text) {len(row.text)}")

    checked = 0
    for name, surface in (("sentences", "text"), ("mentions", "surface"), ("figures", "surface")):
        table = pl.read_parquet(os.path.join(args.out, f"{name}.parquet"))
        for row in table.iter_rows(named=True):
            doc = text.get(row["doc_id"])
            if doc is None:
                fail(f"{name}: unknown doc_id {row['doc_id']!r}")
            if doc[row["start"]:row["end"]] != row[surface]:
                fail(f"{name}: {row['doc_id']}[{row['start']}:{row['end']}] = "
                     f"{doc[row['start']:row['end']]!r} != {row[surface]!r}")
            checked += 1

    entities = set(pd.read_parquet(os.path.join(args.out, "entities.parquet"))["entity_id"])
    mentions = pd.read_parquet(os.path.join(args.out, "mentions.parquet"))
    unknown = set(mentions.loc[mentions["source"] == "dictionary", "entity_id"]) - entities
    if unknown:
        fail(f"mentions point to entities missing from the entities table: {sorted(unknown)[:5]}")
    print(f"check_output: {len(docs)} documents, {checked} spans checked with pandas "
          f"{pd.__version__} and Polars {pl.__version__}: ok")


if __name__ == "__main__":
    main()
