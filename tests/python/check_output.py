#!/usr/bin/env python3
"""Reads a gazette dataset with real pandas, Polars and DuckDB, each table by its
folder, and checks the contract a data scientist relies on: the documented dtypes,
the part files' metadata, equal row counts in every reader, offsets that do not wrap
in arithmetic, and that every offset slices documents.text to the stored surface.

usage: check_output.py OUTPUT_DIR [--min-docs N]
"""
import argparse
import glob
import os
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq

I64, S = pl.Int64, pl.String
POLARS_DTYPES = {
    "documents": {"doc_id": S, "source": S, "title": S, "url": S, "lang": S,
                  "published": pl.Date, "text": S, "n_chars": I64, "n_sentences": I64,
                  "boilerplate_chars": I64, "content_hash": S, "run_id": S},
    "sentences": {"doc_id": S, "sentence_id": I64, "start": I64, "end": I64, "lang": S, "text": S},
    "entities": {"entity_id": S, "entity_type": S, "canonical": S, "name_ko": S, "name_ja": S,
                 "name_zh": S, "aliases": pl.List(S), "country": S, "origin": S},
    "mentions": {"doc_id": S, "sentence_id": I64, "start": I64, "end": I64, "surface": S,
                 "entity_id": S, "entity_type": S, "method": S},
    "figures": {"doc_id": S, "sentence_id": I64, "start": I64, "end": I64, "surface": S, "kind": S,
                "value": pl.Float64, "value_max": pl.Float64, "unit": S, "date": pl.Date,
                "subject": S, "entity_id": S},
    "errors": {"source": S, "line": I64, "run_id": S, "level": S, "message": S},
    "runs": {"run_id": S, "started": pl.Datetime("us", "UTC"), "finished": pl.Datetime("us", "UTC"),
             "gazette_version": S, "mode": S, "inputs": pl.List(S), "documents": I64,
             "skipped_unchanged": I64, "replaced": I64, "sentences": I64, "mentions": I64,
             "figures": I64, "errors": I64, "dictionary_hash": S},
}
TABLES = tuple(POLARS_DTYPES)

PANDAS_DTYPES = {"n_chars": "int64", "n_sentences": "int64", "boilerplate_chars": "int64",
                 "sentence_id": "int64", "start": "int64", "end": "int64", "value": "float64",
                 "value_max": "float64", "finished": "datetime64[us, UTC]"}


def fail(message):
    print(f"check_output: {message}", file=sys.stderr)
    sys.exit(1)


def check_table(out, name):
    """Reads one table by its folder in every reader; returns it as a Polars frame."""
    folder = os.path.join(out, name)
    parts = sorted(glob.glob(os.path.join(folder, "*.parquet")))
    if not parts:
        fail(f"no part file in {folder}")
    for part in parts:
        metadata = pq.read_metadata(part)
        kv = metadata.metadata
        if kv.get(b"gazette.schema_version") != b"2" or not kv.get(b"gazette.run_id"):
            fail(f"{part}: schema version or run id missing from the file metadata")
        for i in range(metadata.num_row_groups):
            rg = metadata.row_group(i)
            for c in range(rg.num_columns):
                if rg.column(c).compression != "ZSTD":
                    fail(f"{part}: column {rg.column(c).path_in_schema} is not zstd-compressed")
    frame = pl.read_parquet(os.path.join(folder, "*.parquet"))
    expected = POLARS_DTYPES[name]
    if list(frame.columns)[: len(expected)] != list(expected):
        fail(f"{name}: columns {frame.columns}, expected {list(expected)}")
    for column, dtype in expected.items():
        if frame.schema[column] != dtype:
            fail(f"{name}.{column}: Polars dtype {frame.schema[column]}, expected {dtype}")
    lazy = pl.scan_parquet(folder + "/").select(pl.len()).collect().item()
    pdf = pd.read_parquet(folder)
    for column, dtype in PANDAS_DTYPES.items():
        if column in pdf.columns and str(pdf[column].dtype) != dtype:
            fail(f"{name}.{column}: pandas dtype {pdf[column].dtype}, expected {dtype}")
    duck = duckdb.sql(f"select count(*) from read_parquet('{folder}/*.parquet')").fetchall()[0][0]
    counts = {"polars": frame.height, "polars lazy": lazy, "pandas": len(pdf), "duckdb": duck}
    if len(set(counts.values())) != 1:
        fail(f"{name}: readers disagree on the row count: {counts}")
    return frame


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--min-docs", type=int, default=1)
    args = ap.parse_args()
    out = os.path.abspath(args.out)

    frames = {name: check_table(out, name) for name in TABLES}
    docs = frames["documents"]
    if docs.height < args.min_docs:
        fail(f"only {docs.height} documents, expected at least {args.min_docs}")
    if docs["doc_id"].is_duplicated().any():
        fail("duplicate doc_id in documents")
    if (docs["boilerplate_chars"] < 0).any():
        fail("documents.boilerplate_chars must be a non-negative count")
    runs = set(frames["runs"]["run_id"])
    if not set(docs["run_id"]) <= runs or not set(frames["errors"]["run_id"]) <= runs:
        fail("documents or errors name a run missing from the runs table")
    text = dict(zip(docs["doc_id"], docs["text"]))
    for row in docs.iter_rows(named=True):
        if row["n_chars"] != len(row["text"]):
            fail(f"{row['doc_id']}: n_chars {row['n_chars']} != len(text) {len(row['text'])}")

    checked = 0
    for name, surface in (("sentences", "text"), ("mentions", "surface"), ("figures", "surface")):
        table = frames[name]
        # Offsets are signed: arithmetic near the start of a text does not wrap.
        if table.height and (table["start"] - 50).min() != table["start"].min() - 50:
            fail(f"{name}: start - 50 wraps")
        for row in table.iter_rows(named=True):
            doc = text.get(row["doc_id"])
            if doc is None:
                fail(f"{name}: unknown doc_id {row['doc_id']!r}")
            if doc[row["start"]:row["end"]] != row[surface]:
                fail(f"{name}: {row['doc_id']}[{row['start']}:{row['end']}] = "
                     f"{doc[row['start']:row['end']]!r} != {row[surface]!r}")
            checked += 1

    entities = set(frames["entities"]["entity_id"])
    unknown = set(frames["mentions"]["entity_id"]) - entities
    if unknown:
        fail(f"mentions point to entities missing from the entities table: {sorted(unknown)[:5]}")
    ends = duckdb.sql(f"""select sum("end" - start) from read_parquet('{out}/mentions/*.parquet')""")
    if ends.fetchall()[0][0] != sum(len(s) for s in frames["mentions"]["surface"]):
        fail("DuckDB's sum of end - start differs from the surfaces' lengths")
    print(f"check_output: {docs.height} documents in {len(runs)} runs, {checked} spans checked; "
          f"tables read by folder with pandas {pd.__version__}, Polars {pl.__version__} and "
          f"DuckDB {duckdb.__version__}: ok")


if __name__ == "__main__":
    main()
