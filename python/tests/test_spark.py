"""`gazette.spark.extract` in a local Spark session (`local[2]`): the dataset the
executors write equals the command line's."""

import os
import shutil
import sys

import pyarrow.parquet as pq
import pytest

from conftest import TABLES, read_table, rows

pyspark = pytest.importorskip("pyspark")

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.fail("Spark needs Java: install default-jre-headless", pytrace=False)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("gazette-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_job_writes_the_dataset_of_the_command_line(spark, cli_examples, example_documents, tmp_path):
    import gazette.spark

    df = spark.createDataFrame(example_documents.to_pandas()).repartition(2)
    output = tmp_path / "out"
    summary = gazette.spark.extract(df, output, keep_boilerplate=True)
    assert summary["documents"] == 16 and summary["partitions"] == 2
    assert summary["errors"] == 0

    for name in ("sentences", "entities", "mentions", "figures"):
        cli = read_table(cli_examples, name)
        assert rows(read_table(output, name)) == rows(cli), name
        back = spark.read.parquet(str(output / name)).toPandas()
        assert len(back) == cli.num_rows, name
    ignored = ("run_id", "source", "content_hash", "boilerplate_chars")
    assert rows(read_table(output, "documents"), ignored) == rows(read_table(cli_examples, "documents"), ignored)
    sources = {s.split(":")[0] for s in read_table(output, "documents").column("source").to_pylist()}
    assert sources <= {"partition-0", "partition-1"}

    run_id = summary["run_id"]
    for name in (*TABLES, "runs"):
        parts = sorted(p.name for p in (output / name).iterdir())
        assert parts and all(p.startswith(f"part-{run_id}") and p.endswith(".parquet") for p in parts), parts
        for part in parts:
            meta = pq.read_metadata(output / name / part).metadata
            assert meta[b"gazette.schema_version"] == b"2"
            assert meta[b"gazette.run_id"] == run_id.encode()
    assert sorted(p.name for p in (output / "entities").iterdir()) == [f"part-{run_id}.parquet"]
    assert sorted(p.name for p in (output / "documents").iterdir()) == [
        f"part-{run_id}-0-0.parquet", f"part-{run_id}-1-0.parquet"]
    runs = read_table(output, "runs").to_pylist()
    assert [(r["run_id"], r["mode"], r["documents"]) for r in runs] == [(run_id, "full", 16)]
    assert runs[0]["mentions"] == read_table(cli_examples, "mentions").num_rows
    assert sorted(os.listdir(tmp_path)) == ["out"], "no staging folder is left"


def test_spark_bad_rows_are_error_rows(spark, tmp_path):
    import gazette.spark

    df = spark.createDataFrame(
        [("a", "식약처는 3개 기관과 협약을 맺었다."), ("b", None), ("c", "PMDA approved 9 products.")],
        "id string, text string",
    ).coalesce(1)
    summary = gazette.spark.extract(df, tmp_path / "out")
    assert (summary["documents"], summary["errors"]) == (2, 1)
    errors = spark.read.parquet(str(tmp_path / "out" / "errors")).toPandas()
    assert errors[["source", "line", "message"]].to_dict("records") == [
        {"source": "partition-0", "line": 2, "message": "null in text column `text`"}]
