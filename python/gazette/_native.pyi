"""Type stubs of the extension module ``gazette._native``."""

from collections.abc import Sequence
from typing import Any, Optional

VERSION: str
SCHEMA_VERSION: str

class GazetteError(RuntimeError):
    """A run could not be completed: the output is locked, is not a dataset,
    or cannot be written. Nothing was published."""

class ArrowTable:
    """Record batches of one table, exported through ``__arrow_c_stream__``."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def __len__(self) -> int: ...

class Extraction:
    """The six tables of an extraction, and what it took."""

    run_id: str
    documents: int
    warnings: int
    bytes: int
    seconds: float
    def table(self, name: str) -> ArrowTable: ...

class Pipeline:
    """The dictionary, its automata and the recognizers, built once."""

    def __init__(self, dicts: Sequence[str] = ..., bundled: bool = True) -> None: ...
    @property
    def dictionary_entities(self) -> int: ...
    @property
    def dictionary_hash(self) -> str: ...
    def extract_arrow_stream(
        self,
        data: Any,
        *,
        source: str,
        id: Optional[str] = None,
        text: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
        published: Optional[str] = None,
        keep_boilerplate: bool = False,
        threads: Optional[int] = None,
        run_id: Optional[str] = None,
        invalid: dict[int, str] = ...,
    ) -> Extraction: ...
    def extract_texts(
        self,
        texts: list[Any],
        *,
        source: str,
        keep_boilerplate: bool = False,
        threads: Optional[int] = None,
        run_id: Optional[str] = None,
    ) -> Extraction: ...
    def extract_files(
        self,
        inputs: Sequence[str],
        output: str,
        *,
        incremental: bool = False,
        id: Optional[str] = None,
        text: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
        published: Optional[str] = None,
        keep_boilerplate: bool = False,
        threads: Optional[int] = None,
        wait: bool = False,
        allow_empty: bool = False,
    ) -> dict[str, Any]: ...
    def write_parts(
        self,
        data: Any,
        directory: str,
        *,
        run_id: str,
        label: str,
        source: str,
        id: Optional[str] = None,
        text: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
        published: Optional[str] = None,
        keep_boilerplate: bool = False,
        threads: Optional[int] = None,
    ) -> dict[str, int]: ...

class StagedRun:
    """A run whose part files other processes write; holds the output's lock."""

    run_id: str
    directory: str
    def __init__(self, output: str, *, wait: bool = False) -> None: ...
    def commit(self, pipeline: Pipeline, counts: dict[str, int], inputs: list[str]) -> dict[str, Any]: ...
    def abort(self) -> None: ...

def main(argv: Sequence[str]) -> int:
    """Runs the command line with ``argv`` (program name first); returns 0, 1 or 2."""
