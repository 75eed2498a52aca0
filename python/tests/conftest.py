"""Shared fixtures: the example corpus extracted by the command line."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import gazette

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
TABLES = ("documents", "sentences", "entities", "mentions", "figures", "errors")


def gazette_command() -> list[str]:
    """The command line under test: `GAZETTE_BIN` (the cargo-built binary) when
    set, else the `gazette` script that the package installs."""
    binary = os.environ.get("GAZETTE_BIN")
    if binary:
        return [binary]
    beside = Path(sys.executable).parent / "gazette"
    script = str(beside) if beside.exists() else shutil.which("gazette")
    assert script, "the `gazette` command is not installed"
    return [script]


def cli_extract(inputs: list[Path], output: Path, *flags: str) -> None:
    command = [*gazette_command(), "extract", *map(str, inputs), "-o", str(output), "-q", *flags]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr


def read_table(output: Path, table: str) -> pa.Table:
    """A table of a dataset, read by its folder."""
    return pq.read_table(output / table)


def rows(table: pa.Table, drop: tuple[str, ...] = ()) -> list[tuple]:
    """The rows of a table as sorted tuples, without the columns `drop`."""
    columns = [c for c in table.column_names if c not in drop]
    records = table.select(columns).to_pylist()
    return sorted((tuple(repr(r[c]) for c in columns) for r in records))


@pytest.fixture(scope="session")
def pipeline() -> gazette.Pipeline:
    return gazette.Pipeline()


@pytest.fixture(scope="session")
def cli_examples(tmp_path_factory) -> Path:
    """`gazette extract examples`: the whole example corpus."""
    output = tmp_path_factory.mktemp("cli") / "out"
    cli_extract([EXAMPLES], output)
    return output


@pytest.fixture(scope="session")
def cli_articles(tmp_path_factory) -> Path:
    """`gazette extract examples/articles.jsonl`."""
    output = tmp_path_factory.mktemp("cli-jsonl") / "out"
    cli_extract([EXAMPLES / "articles.jsonl"], output)
    return output


@pytest.fixture(scope="session")
def example_documents(cli_examples) -> pa.Table:
    """The example corpus as the command line cleaned it: one row per
    document, with the columns `extract` reads."""
    documents = read_table(cli_examples, "documents")
    return documents.select(["doc_id", "title", "url", "published", "text"]).rename_columns(
        ["id", "title", "url", "published", "text"]
    )
