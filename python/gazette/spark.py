"""gazette on Spark: the pipeline runs inside the executors, which write the
part files of one dataset; the driver publishes it as one run.

::

    import gazette.spark

    df = spark.read.parquet("articles/")              # columns id, text, ...
    summary = gazette.spark.extract(df, "/shared/output", id="id", text="body")
    spark.read.parquet("/shared/output/mentions")

The dataset has the layout of ``gazette extract``'s (``docs/schema.md``): one
folder per table, part files ``part-<run_id>-<partition>-<n>.parquet`` written
by the tasks (one per table and partition, more past 512 MiB), one
``entities`` part and one ``runs`` row written by the driver, the footers
``gazette.schema_version`` and ``gazette.run_id``.

How it runs:

1. the driver locks ``output`` and creates the next state of the dataset in
   a hidden folder beside it (``.<output>.gazette-next-<run_id>``);
2. each task (``mapInArrow``) extracts its partition with one
   :class:`gazette.Pipeline` per Python worker, built once and kept at module
   level, and writes its part files into that folder (each file under a
   hidden name first, renamed when complete, so that a retried task replaces
   its files); the entities it found by rule go to a pending file;
3. the driver merges those entities into one ``entities`` part, adds the
   ``runs`` row and swaps the folder in for ``output`` in one rename.

Limits:

- ``output`` is a path of a file system that the driver and every executor
  mount at the same path (local mode, NFS, a cluster file system such as
  Lustre or a FUSE mount): tasks write there directly. Object stores
  (``s3://``, ``gs://``, ``abfs://``) are refused: they have no atomic
  rename of a folder and no lock; there, extract to a shared folder and copy,
  or use :meth:`gazette.Pipeline.extract` in ``mapInArrow`` and Spark's own
  writer.
- Document ids are kept unique within a partition (a later duplicate is an
  ``errors`` row), not across partitions: repartition by id first
  (``df.repartition("id")``) when ids may repeat.
- Boilerplate lines repeated across documents are counted per partition,
  not over the whole corpus; ``keep_boilerplate=True`` makes the text
  independent of the partitioning.
- A run replaces the dataset's rows (``runs.mode = full``); incremental runs
  are the command line's.
- A partition is read whole into the worker's memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from gazette import Pipeline, _native

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["extract"]

COUNTS = ("documents", "sentences", "mentions", "figures", "errors", "bytes")
_SUMMARY = pa.schema([("partition", pa.int64())] + [(name, pa.int64()) for name in COUNTS])
_SUMMARY_DDL = "partition long, " + ", ".join(f"{name} long" for name in COUNTS)

_PIPELINES: dict[tuple[tuple[str, ...], bool], Pipeline] = {}


def _pipeline(dicts: tuple[str, ...], bundled: bool) -> Pipeline:
    """The worker's pipeline for these dictionaries, built on first use."""
    key = (dicts, bundled)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(list(dicts), bundled)
    return _PIPELINES[key]


class _Task:
    """What each ``mapInArrow`` task runs: extract the partition, write its
    part files, yield one row of counts."""

    def __init__(self, directory: str, run_id: str, dicts: tuple[str, ...], bundled: bool, options: dict[str, Any]):
        self.directory = directory
        self.run_id = run_id
        self.dicts = dicts
        self.bundled = bundled
        self.options = options

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from pyspark import TaskContext

        context = TaskContext.get()
        partition = context.partitionId() if context is not None else 0
        batches = list(batches)
        counts = dict.fromkeys(COUNTS, 0)
        if batches and sum(b.num_rows for b in batches):
            options = dict(self.options)
            if options.get("threads") is None and context is not None:
                options["threads"] = context.cpus()
            counts.update(
                _pipeline(self.dicts, self.bundled)._native.write_parts(
                    pa.Table.from_batches(batches),
                    self.directory,
                    run_id=self.run_id,
                    label=str(partition),
                    source=f"partition-{partition}",
                    **options,
                )
            )
        yield pa.RecordBatch.from_pylist([{"partition": partition, **counts}], schema=_SUMMARY)


def _local_path(output: str | os.PathLike[str]) -> str:
    path = os.fspath(output)
    if path.startswith("file://"):
        path = path[len("file://") :]
    elif "://" in path:
        raise ValueError(
            f"`{path}` is not a path of a shared file system: gazette.spark writes and publishes "
            "with file renames, which object stores do not have; write to a folder that the "
            "driver and the executors mount at the same path"
        )
    return os.path.abspath(path)


def extract(
    df: DataFrame,
    output: str | os.PathLike[str],
    id: str = "id",
    text: str = "text",
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    *,
    dicts: Sequence[str | os.PathLike[str]] = (),
    bundled: bool = True,
    keep_boilerplate: bool = False,
    threads: int | None = None,
    wait: bool = False,
    inputs: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Extracts the rows of a Spark DataFrame into the dataset ``output``, with
    the pipeline running in the executors, and publishes it as one run.

    The columns are those of :meth:`gazette.Pipeline.extract`: ``id`` (strings
    or integers), ``text`` (strings), ``title``, ``url``, ``published`` (a
    column of that name when ``None`` and the DataFrame has one). Rows are
    named ``partition-<p>:<row>`` in ``documents.source`` and ``errors``.

    :param dicts: dictionary folders, read by the driver and every executor
        (at the same path).
    :param threads: threads per task; ``None`` uses the task's
        ``spark.task.cpus``.
    :param wait: wait for another run that holds ``output`` rather than fail.
    :param inputs: written to ``runs.inputs``; by default the DataFrame's
        input files (``df.inputFiles()``), else ``["spark"]``.
    :returns: the run's summary: ``run_id``, row counts per table,
        ``partitions``, ``bytes``, ``seconds``.
    :raises GazetteError: nothing was published.
    """
    import time

    started = time.monotonic()
    out_dir = _local_path(output)
    dict_paths = tuple(os.path.abspath(os.fspath(d)) for d in dicts)
    pipeline = _pipeline(dict_paths, bundled)
    wanted = [id, text, title or "title", url or "url", published or "published"]
    columns = list(dict.fromkeys(c.split(".")[0] for c in wanted if c.split(".")[0] in df.columns))
    if text.split(".")[0] not in columns:
        raise ValueError(f"no text column `{text}` in the DataFrame (columns: {', '.join(df.columns)})")
    if inputs is None:
        try:
            inputs = list(df.inputFiles()) or ["spark"]
        except Exception:
            inputs = ["spark"]
    options = {
        "id": id,
        "text": text,
        "title": title,
        "url": url,
        "published": published,
        "keep_boilerplate": keep_boilerplate,
        "threads": threads,
    }
    staged = _native.StagedRun(out_dir, wait=wait)
    try:
        task = _Task(os.fspath(staged.directory), staged.run_id, dict_paths, bundled, options)
        rows = df.select(*columns).mapInArrow(task, _SUMMARY_DDL).collect()
        counts = {name: sum(row[name] for row in rows) for name in COUNTS}
        summary = staged.commit(pipeline._native, counts, list(inputs))
    except BaseException:
        staged.abort()
        raise
    summary["partitions"] = len(rows)
    summary["bytes"] = counts["bytes"]
    summary["seconds"] = time.monotonic() - started
    return summary
