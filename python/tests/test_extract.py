"""`Pipeline.extract` and `extract_files` against the command line, and every
input type against the others."""

import json

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import gazette
from conftest import EXAMPLES, TABLES, read_table, rows

# Columns that name the run or the input rather than the document: they differ
# between a run over a file and an extraction in memory by design.
PROVENANCE = ("run_id", "source", "content_hash")

OWN_TEXTS = [
    "식약처는 45개 기업에 500억원을 지원한다.",
    "The Lumen Biologics Association said on March 3 that 12 members passed GMP audits.",
    "厚生労働省は2025年4月1日に新しい指針を公表した。",
]


def articles_table() -> pa.Table:
    records = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text().splitlines() if line]
    return pa.Table.from_pylist(records)


def test_readme_example_gives_two_figures(pipeline):
    figures = pipeline.extract(["식약처는 45개 기업에 500억원을 지원한다."])["figures"]
    assert figures.select(["doc_id", "surface", "kind", "value", "unit", "subject", "entity_id"]).to_pylist() == [
        {"doc_id": "0", "surface": "45개 기업", "kind": "count", "value": 45.0, "unit": None,
         "subject": "기업", "entity_id": "org:mfds"},
        {"doc_id": "0", "surface": "500억원", "kind": "money", "value": 5e10, "unit": "KRW",
         "subject": None, "entity_id": "org:mfds"},
    ]
    assert len(figures.to_pandas()) == 2


def test_schemas_are_those_of_the_parquet_tables(pipeline, cli_examples):
    tables = pipeline.extract(OWN_TEXTS)
    assert list(tables) == list(TABLES)
    for name in TABLES:
        assert tables[name].schema.remove_metadata() == pq.read_schema(
            sorted((cli_examples / name).glob("*.parquet"))[0]
        ).remove_metadata(), name
    assert getattr(tables, "documents") is tables["documents"]


def test_jsonl_rows_equal_the_command_line(pipeline, cli_articles):
    tables = pipeline.extract(articles_table(), id="id", text="text", title="title", url="url",
                              published="published")
    for name in TABLES:
        assert rows(tables[name], PROVENANCE) == rows(read_table(cli_articles, name), PROVENANCE), name
    assert tables.documents.num_rows == 5
    sources = sorted(tables.documents.column("source").to_pylist())
    assert sources == [f"data:{n}" for n in range(1, 6)]


def test_example_corpus_equals_the_command_line(pipeline, cli_examples, example_documents):
    """Every document of `gazette extract examples` (text, HTML, JSON Lines),
    extracted again from its cleaned text, gives the same rows."""
    tables = pipeline.extract(example_documents, keep_boilerplate=True)
    assert tables.documents.num_rows == read_table(cli_examples, "documents").num_rows == 16
    for name in ("sentences", "entities", "mentions", "figures"):
        assert rows(tables[name]) == rows(read_table(cli_examples, name)), name
    ignored = (*PROVENANCE, "boilerplate_chars")
    assert rows(tables.documents, ignored) == rows(read_table(cli_examples, "documents"), ignored)
    assert tables.errors.num_rows == 0


def test_extract_files_publishes_the_dataset_of_the_command_line(pipeline, cli_examples, tmp_path):
    summary = pipeline.extract_files([EXAMPLES], tmp_path / "out")
    assert summary["documents"] == 16 and summary["mode"] == "full"
    for name in TABLES:
        assert rows(read_table(tmp_path / "out", name), PROVENANCE) == rows(
            read_table(cli_examples, name), PROVENANCE
        ), name
    runs = read_table(tmp_path / "out", "runs").to_pylist()
    assert [r["run_id"] for r in runs] == [summary["run_id"]]
    again = pipeline.extract_files(str(EXAMPLES), tmp_path / "out", incremental=True)
    assert (again["mode"], again["documents"], again["skipped_unchanged"]) == ("incremental", 0, 16)


def test_every_input_type_gives_the_same_tables(pipeline):
    ids = [str(i) for i in range(len(OWN_TEXTS))]
    arrow = pa.table({"id": ids, "text": OWN_TEXTS})
    inputs = {
        "list": OWN_TEXTS,
        "pyarrow": arrow,
        "record batch": arrow.to_batches()[0],
        "pandas": pd.DataFrame({"id": ids, "text": OWN_TEXTS}),
        "pandas (pyarrow strings)": pd.DataFrame({"id": ids, "text": OWN_TEXTS}).convert_dtypes(
            dtype_backend="pyarrow"),
        "polars": pl.DataFrame({"id": ids, "text": OWN_TEXTS}),
        "stream": pa.RecordBatchReader.from_batches(arrow.schema, arrow.to_batches()),
    }
    results = {name: pipeline.extract(data, source="s", threads=2) for name, data in inputs.items()}
    expected = results.pop("list")
    assert expected.figures.num_rows == 5 and expected.mentions.num_rows >= 3
    for name, tables in results.items():
        for table in TABLES:
            assert rows(tables[table], ("run_id",)) == rows(expected[table], ("run_id",)), (name, table)


def test_dtypes_in_pandas_and_polars(pipeline):
    tables = pipeline.extract(OWN_TEXTS)
    documents = tables.documents.to_pandas()
    assert documents["n_chars"].dtype == "int64"
    assert str(pl.from_arrow(tables.figures).schema["date"]) == "Date"
    assert pl.from_arrow(tables.mentions).schema["start"] == pl.Int64


def test_bad_rows_are_error_rows(pipeline):
    table = pa.table({
        "id": ["a", "b", "a", "c"],
        "text": ["식약처는 3개 기관과 협약을 맺었다.", None, "The same id again.", "  "],
    })
    tables = pipeline.extract(table, source="rows")
    assert tables.documents.column("doc_id").to_pylist() == ["a"]
    assert tables.errors.select(["source", "line", "level", "message"]).to_pylist() == [
        {"source": "rows", "line": 2, "level": "error", "message": "null in text column `text`"},
        {"source": "rows", "line": 3, "level": "error",
         "message": "duplicate document id `a` (first used by `rows:1`); document skipped"},
        {"source": "rows", "line": 4, "level": "error", "message": "no text in document"},
    ]
    assert set(tables.errors.column("run_id").to_pylist()) == {tables.run_id}


def test_items_that_are_not_strings_are_error_rows(pipeline):
    tables = pipeline.extract(["PMDA approved 9 products.", None, 7])
    assert tables.documents.column("doc_id").to_pylist() == ["0"]
    assert tables.errors.select(["source", "line", "message"]).to_pylist() == [
        {"source": "list", "line": 2, "message": "item is None, not a string"},
        {"source": "list", "line": 3, "message": "item is a `int`, not a string"},
    ]


def test_ids_that_are_not_strings_are_error_rows(pipeline):
    frame = pd.DataFrame({"id": ["a", 2, 2.5, True], "text": ["One text.", "Two texts.", "Three.", "Four."]})
    tables = pipeline.extract(frame)
    assert sorted(tables.documents.column("doc_id").to_pylist()) == ["2", "a"]
    assert tables.errors.select(["line", "message"]).to_pylist() == [
        {"line": 3, "message": "id 2.5 is a `float`, not a string or an integer"},
        {"line": 4, "message": "id True is a `bool`, not a string or an integer"},
    ]
    floats = pa.table({"id": [1.5, 2.5], "text": ["One text.", "Two texts."]})
    tables = pipeline.extract(floats)
    assert tables.documents.num_rows == 0
    assert tables.errors.select(["line", "message"]).to_pylist() == [
        {"line": None, "message": "column `id` holds Float64, not a string or integer"},
    ]


def test_a_missing_text_column_is_a_usage_error(pipeline):
    with pytest.raises(ValueError, match="no text column `body`"):
        pipeline.extract(pa.table({"id": ["a"], "text": ["x"]}), text="body")
    with pytest.raises(TypeError):
        pipeline.extract(42)


def test_a_locked_output_raises(pipeline, tmp_path):
    import fcntl

    (tmp_path / "out").mkdir()
    lock = open(tmp_path / "out" / ".gazette.lock", "w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    with pytest.raises(gazette.GazetteError, match="in use"):
        pipeline.extract_files([EXAMPLES / "articles.jsonl"], tmp_path / "out")
    lock.close()


def test_the_command_runs_in_process(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "gazette", "extract", str(EXAMPLES), "-o",
                             str(tmp_path / "out"), "--json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 16
    usage = subprocess.run([sys.executable, "-m", "gazette", "extract"], capture_output=True)
    assert usage.returncode == 2
