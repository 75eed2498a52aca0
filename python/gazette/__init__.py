"""gazette: documents, sentences, entity mentions and figures from news about
medical-product regulation (Korean, English, Japanese, Chinese), as Arrow
tables or a dataset of Parquet tables.

The work runs in Rust, on all cores, with the interpreter released::

    import gazette

    pipeline = gazette.Pipeline()                 # the dictionary and automata, built once
    tables = pipeline.extract(["식약처는 45개 기업에 500억원을 지원한다."])
    tables["figures"].to_pandas()                 # or tables.figures, pl.from_arrow(...)

    tables = pipeline.extract(df, id="id", text="body")    # pyarrow, pandas or Polars
    pipeline.extract_files(["articles/"], "output")         # what `gazette extract` does

The six tables have exactly the schemas of the Parquet tables the command
line writes (``docs/schema.md``). On Spark, see :mod:`gazette.spark`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

import pyarrow as pa

from gazette import _native
from gazette._native import GazetteError

if TYPE_CHECKING:
    from typing_extensions import TypeAlias

__all__ = [
    "TABLES",
    "GazetteError",
    "Pipeline",
    "Tables",
    "SCHEMA_VERSION",
    "__version__",
    "main",
]

__version__: str = _native.VERSION
SCHEMA_VERSION: str = _native.SCHEMA_VERSION
"""The version of the tables' layout, also in every part file's footer."""

TABLES = ("documents", "sentences", "entities", "mentions", "figures", "errors")
"""The tables :meth:`Pipeline.extract` returns, in this order."""

PathLike: TypeAlias = Union[str, "os.PathLike[str]"]


class Tables(Mapping[str, pa.Table]):
    """The six tables of an extraction, as pyarrow Tables.

    Read them by name (``tables["figures"]``) or as attributes
    (``tables.figures``); iterating gives the names, in :data:`TABLES` order.
    ``run_id`` is the id written to ``documents.run_id`` and
    ``errors.run_id``.
    """

    __slots__ = ("_tables", "run_id", "bytes", "seconds")

    documents: pa.Table
    """One row per document: ``doc_id``, ``text``, ``lang``, ``published``..."""
    sentences: pa.Table
    """One row per sentence, with code-point offsets into ``documents.text``."""
    entities: pa.Table
    """Every entity: the dictionary's, and those found by rule."""
    mentions: pa.Table
    """One row per entity name found in the text."""
    figures: pa.Table
    """One row per number, amount, date..."""
    errors: pa.Table
    """One row per input row that could not be used, or was repaired."""

    def __init__(self, tables: dict[str, pa.Table], run_id: str, bytes: int, seconds: float):
        self._tables = tables
        self.run_id = run_id
        """The id written to the ``run_id`` columns."""
        self.bytes = bytes
        """Raw bytes of the records read."""
        self.seconds = seconds
        """Wall-clock time of the extraction."""

    def __getitem__(self, name: str) -> pa.Table:
        return self._tables[name]

    def __getattr__(self, name: str) -> pa.Table:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._tables[name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)

    def __repr__(self) -> str:
        rows = ", ".join(f"{name}: {self._tables[name].num_rows}" for name in TABLES)
        return f"Tables({rows})"


def _field(value: str | None) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"a column name is a string, not `{type(value).__name__}`")
    return value


def _pandas_ids(values: Any) -> tuple[list[str | None], dict[int, str]]:
    """The ids of a pandas object column as strings, and the rows (from 1)
    whose id is neither a string nor an integer, with their message."""
    ids: list[str | None] = []
    invalid: dict[int, str] = {}
    for row, value in enumerate(values, start=1):
        if isinstance(value, str):
            ids.append(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            ids.append(str(value))
        elif value is None or (isinstance(value, float) and value != value):
            ids.append(None)
        else:
            ids.append(None)
            invalid[row] = f"id {value!r} is a `{type(value).__name__}`, not a string or an integer"
    return ids, invalid


def _arrow(data: Any, columns: list[str], id: str) -> tuple[Any, dict[int, str]]:
    """An object with ``__arrow_c_stream__`` holding ``data``'s rows, and the
    rows that are errors before Arrow (ids Arrow cannot represent)."""
    module = type(data).__module__.split(".")[0]
    if module == "pandas":
        # Only the columns read: another object column that Arrow cannot
        # represent must not stop the extraction.
        data = data[[c for c in dict.fromkeys(columns) if c in data.columns]]
        invalid: dict[int, str] = {}
        if id in data.columns and data[id].dtype == object:
            ids, invalid = _pandas_ids(data[id])
            if invalid or any(not isinstance(v, str) and v is not None for v in data[id]):
                data = data.assign(**{id: ids})
        if not hasattr(data, "__arrow_c_stream__"):  # pandas < 2.2
            return pa.Table.from_pandas(data, preserve_index=False), invalid
        return data, invalid
    if hasattr(data, "__arrow_c_stream__"):
        return data, {}
    if hasattr(data, "__arrow_c_array__"):
        return pa.Table.from_batches([pa.record_batch(data)]), {}
    raise TypeError(
        "expected a pyarrow Table or RecordBatch, a pandas or Polars DataFrame, any object "
        f"with `__arrow_c_stream__`, or a list of strings; got `{type(data).__name__}`"
    )


class Pipeline:
    """The extraction pipeline: the dictionary, its Aho-Corasick automata and
    the recognizers, built once and shared by every call and thread.

    :param dicts: dictionary folders merged with the bundled dictionary (their
        entities replace bundled ones with the same id), as ``--dict DIR``.
    :param bundled: use the bundled dictionary; ``False`` is
        ``--no-bundled-dict`` and needs ``dicts``.
    :raises ValueError: a dictionary is malformed (the message names its
        file and line).
    """

    __slots__ = ("_native", "dicts", "bundled")

    def __init__(self, dicts: Sequence[PathLike] = (), bundled: bool = True):
        self.dicts = [os.fspath(d) for d in ([dicts] if isinstance(dicts, (str, os.PathLike)) else dicts)]
        self.bundled = bundled
        self._native = _native.Pipeline(self.dicts, bundled)

    def __repr__(self) -> str:
        return f"Pipeline(dicts={self.dicts!r}, bundled={self.bundled!r})"

    @property
    def dictionary_hash(self) -> str:
        """SHA-256 of the dictionary, as in ``runs.dictionary_hash``."""
        return self._native.dictionary_hash

    def extract(
        self,
        data: Any,
        id: str = "id",
        text: str = "text",
        title: str | None = None,
        url: str | None = None,
        published: str | None = None,
        *,
        keep_boilerplate: bool = False,
        threads: int | None = None,
        source: str | None = None,
    ) -> Tables:
        """Extracts documents held in memory into six pyarrow Tables.

        :param data: a pyarrow Table or RecordBatch, a pandas or Polars
            DataFrame, any object with ``__arrow_c_stream__``, or a list of
            strings (item ``i`` is the document of id ``"i"``, row ``i + 1``
            in messages).
        :param id: the id column (strings or integers); a row without id gets
            the first 16 hex digits of its content hash, as on the command line.
        :param text: the text column (strings).
        :param title: the title column; ``None`` reads a column ``title`` when
            there is one. ``url`` and ``published`` likewise; ``published``
            may hold strings, dates, timestamps or epoch seconds.
        :param keep_boilerplate: keep every line of the text; by default site
            furniture is removed, as ``gazette extract`` does (lines repeated
            across documents are counted over ``data`` as a whole).
        :param threads: worker threads; ``None`` uses every core.
        :param source: the name given to the rows in ``documents.source`` and
            ``errors.source`` (``<source>:<row>``, rows counted from 1);
            ``"data"`` by default, ``"list"`` for a list.
        :returns: the tables ``documents``, ``sentences``, ``entities``,
            ``mentions``, ``figures``, ``errors``, with the schemas of the
            Parquet tables.

        A row that cannot be used (a null text, an item that is not a string,
        an id that is neither a string nor an integer in a pandas object
        column, a duplicate id) is a row of ``errors``, never an exception; so
        is a column of a type gazette does not read (one row for the data,
        as for a ``.parquet`` input).
        :raises ValueError: ``data`` has no column ``text``.
        :raises TypeError: ``data`` is none of the above.
        """
        for name in (id, text, title, url, published):
            _field(name)
        if isinstance(data, (list, tuple)):
            out = self._native.extract_texts(
                list(data),
                source=source or "list",
                keep_boilerplate=keep_boilerplate,
                threads=threads,
            )
        else:
            columns = [id, text, title or "title", url or "url", published or "published"]
            stream, invalid = _arrow(data, columns, id)
            out = self._native.extract_arrow_stream(
                stream,
                source=source or "data",
                id=id,
                text=text,
                title=title,
                url=url,
                published=published,
                keep_boilerplate=keep_boilerplate,
                threads=threads,
                invalid=invalid,
            )
        tables = {name: pa.table(out.table(name)) for name in TABLES}
        return Tables(tables, out.run_id, out.bytes, out.seconds)

    def extract_files(
        self,
        paths: PathLike | Sequence[PathLike],
        output: PathLike,
        incremental: bool = False,
        *,
        id: str = "id",
        text: str = "text",
        title: str = "title",
        url: str = "url",
        published: str = "published",
        keep_boilerplate: bool = False,
        threads: int | None = None,
        wait: bool = False,
        allow_empty: bool = False,
    ) -> dict[str, Any]:
        """Does what ``gazette extract PATHS -o OUTPUT`` does, with the same
        code: reads the files and folders, writes the dataset (one folder per
        table of Parquet part files, a ``runs`` row) and publishes it as one
        unit.

        :param incremental: ``--incremental``: add to the dataset, skipping
            documents it holds unchanged.
        :param wait: wait for another run that holds ``output`` rather than
            fail.
        :param allow_empty: publish a run that read no document.
        :returns: the run's summary: ``run_id``, ``mode``, row counts per
            table, ``warnings``, ``skipped_unchanged``, ``replaced``,
            ``bytes``, ``seconds``, ``mb_per_second``.
        :raises GazetteError: nothing was published (the output is locked or
            not a dataset, no document could be read...).
        :raises OSError: an input does not exist.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        return self._native.extract_files(
            [os.fspath(p) for p in paths],
            os.fspath(output),
            incremental=incremental,
            id=id,
            text=text,
            title=title,
            url=url,
            published=published,
            keep_boilerplate=keep_boilerplate,
            threads=threads,
            wait=wait,
            allow_empty=allow_empty,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the ``gazette`` command line in this process; returns its exit
    code (0, 1 or 2). ``argv`` excludes the program name."""
    import sys

    return _native.main(["gazette", *(sys.argv[1:] if argv is None else argv)])
