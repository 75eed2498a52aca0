#!/usr/bin/env python3
"""Compares two gazette datasets row for row: every table but `runs`, each read
by its folder, sorted on all its columns, without the columns that name the run
(`run_id`). Prints one line per table and the first rows that differ; exits 1
when any table differs.

usage: same_output.py BEFORE AFTER [--ignore TABLE.COLUMN ...]

Used to check that a change to how gazette works leaves what it writes as it
was, on the examples, the benchmark corpus and the public suites.
"""
import argparse
import sys

import polars as pl

TABLES = ("documents", "sentences", "entities", "mentions", "figures", "errors")
RUN_COLUMNS = {"run_id"}


def load(root, table, ignore):
    frame = pl.read_parquet(f"{root}/{table}/*.parquet")
    drop = [c for c in frame.columns if c in RUN_COLUMNS or f"{table}.{c}" in ignore]
    frame = frame.drop(drop)
    # Lists do not sort; their items joined do, and compare the same.
    lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List)]
    frame = frame.with_columns(pl.col(c).list.join("\x1f") for c in lists)
    return frame.sort(frame.columns, nulls_last=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--ignore", nargs="*", default=[], help="TABLE.COLUMN left out")
    args = parser.parse_args()
    ignore = set(args.ignore)
    differ = 0
    for table in TABLES:
        before, after = load(args.before, table, ignore), load(args.after, table, ignore)
        if before.columns != after.columns:
            print(f"{table}: columns differ: {before.columns} / {after.columns}")
            differ += 1
            continue
        if before.equals(after, null_equal=True):
            print(f"{table}: {before.height} rows, identical")
            continue
        differ += 1
        only_before = before.join(after, on=before.columns, how="anti", nulls_equal=True)
        only_after = after.join(before, on=before.columns, how="anti", nulls_equal=True)
        print(f"{table}: {before.height} rows before, {after.height} after; "
              f"{only_before.height} only before, {only_after.height} only after")
        with pl.Config(tbl_rows=10, tbl_cols=-1, fmt_str_lengths=60):
            if only_before.height:
                print("only before:", only_before.head(10), sep="\n")
            if only_after.height:
                print("only after:", only_after.head(10), sep="\n")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
