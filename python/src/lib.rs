//! `gazette._native`: the extension module under the `gazette` Python
//! package. It exposes the library's entry points to Python and nothing
//! else: the pipeline ([`Pipeline`]), the in-memory extraction
//! ([`gazette::run::extract`]), runs over files ([`gazette::run::run`]),
//! staged runs for Spark ([`gazette::run::StagedRun`]) and the command line
//! ([`gazette::cli::run`]). The Python modules beside it give the API its
//! shape; see `python/gazette/__init__.py`.
//!
//! Arrow data crosses the boundary through the Arrow C stream interface,
//! in `PyCapsule`s: tables come in from any object with
//! `__arrow_c_stream__` (pyarrow, Polars, pandas) without a copy, and the
//! result tables go out the same way. The work runs with the interpreter
//! released, on rayon's threads.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use arrow_array::ffi_stream::{FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::{RecordBatch, RecordBatchIterator, RecordBatchReader};
use arrow_schema::{ArrowError, SchemaRef};
use gazette::dictionary::Dictionary;
use gazette::ingest::{self, Format, JsonlFields, RawRecord};
use gazette::model::ErrorRow;
use gazette::run::{self, ExtractOptions, NullObserver, RunOptions, StagedCounts, StagedRun};
use gazette::sink::{
    DocumentsBuilder, EntitiesBuilder, ErrorsBuilder, FiguresBuilder, MentionsBuilder,
    SentencesBuilder, TableBuilder, Tables,
};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList, PyString};

/// The pipeline allocates many small strings per document. mimalloc serves
/// them fast without the process-wide allocator setting the binary makes,
/// which a library must not impose on its host.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const STREAM_CAPSULE: &std::ffi::CStr = c"arrow_array_stream";

pyo3::create_exception!(
    _native,
    GazetteError,
    pyo3::exceptions::PyRuntimeError,
    "A run could not be completed: the output is locked, is not a dataset, or cannot be written."
);

/// An error and its causes, on one line: `a: b: c`.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

fn run_error(error: &run::RunError) -> PyErr {
    GazetteError::new_err(chain(error))
}

/// The field names of a call: `None` keeps the command line's default name.
#[allow(clippy::needless_pass_by_value)]
fn fields(
    id: Option<String>,
    text: Option<String>,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
) -> JsonlFields {
    let default = JsonlFields::default();
    JsonlFields {
        id: id.unwrap_or(default.id),
        text: text.unwrap_or(default.text),
        title: title.unwrap_or(default.title),
        url: url.unwrap_or(default.url),
        published: published.unwrap_or(default.published),
    }
}

/// Imports the Arrow stream of `data`, an object with `__arrow_c_stream__`.
fn import_stream(data: &Bound<'_, PyAny>) -> PyResult<RecordBatchStreamReader> {
    if !data.hasattr("__arrow_c_stream__")? {
        return Err(PyTypeError::new_err(format!(
            "expected an object with `__arrow_c_stream__` (pyarrow, Polars, pandas >= 2.2), got `{}`",
            data.get_type().name()?
        )));
    }
    let capsule = data.call_method0("__arrow_c_stream__")?;
    let capsule = capsule.cast::<PyCapsule>().map_err(PyErr::from)?;
    let pointer = capsule.pointer_checked(Some(STREAM_CAPSULE))?;
    // SAFETY: the capsule holds an `ArrowArrayStream` (its name says so);
    // `from_raw` moves it out and marks the capsule's copy released, so
    // that the producer's capsule destructor does nothing.
    unsafe { RecordBatchStreamReader::from_raw(pointer.as_ptr().cast()) }
        .map_err(|e| PyValueError::new_err(format!("cannot import Arrow data: {e}")))
}

/// Record batches read whole from a stream: the extraction reads them twice.
fn read_batches(reader: RecordBatchStreamReader) -> (SchemaRef, Vec<Result<RecordBatch, String>>) {
    let schema = reader.schema();
    let batches = reader.map(|b| b.map_err(|e| e.to_string())).collect();
    (schema, batches)
}

/// The six tables of an extraction, and what it took. Each table leaves
/// through `table(name)`, an object with `__arrow_c_stream__`.
#[pyclass(frozen, module = "gazette._native", name = "Extraction")]
struct PyExtraction {
    tables: Tables,
    #[pyo3(get)]
    run_id: String,
    #[pyo3(get)]
    documents: u64,
    #[pyo3(get)]
    warnings: u64,
    #[pyo3(get)]
    bytes: u64,
    #[pyo3(get)]
    seconds: f64,
}

#[pymethods]
impl PyExtraction {
    /// The table named `name` (`documents`, `sentences`, `entities`,
    /// `mentions`, `figures`, `errors`), as an Arrow stream.
    fn table(&self, name: &str) -> PyResult<ArrowTable> {
        let schema = match name {
            DocumentsBuilder::NAME => DocumentsBuilder::schema(),
            SentencesBuilder::NAME => SentencesBuilder::schema(),
            EntitiesBuilder::NAME => EntitiesBuilder::schema(),
            MentionsBuilder::NAME => MentionsBuilder::schema(),
            FiguresBuilder::NAME => FiguresBuilder::schema(),
            ErrorsBuilder::NAME => ErrorsBuilder::schema(),
            _ => return Err(PyValueError::new_err(format!("no table `{name}`"))),
        };
        let batches = self.tables.table(name).unwrap_or_default().to_vec();
        Ok(ArrowTable { schema, batches })
    }
}

/// Record batches of one schema, exported through the Arrow PyCapsule
/// interface (`pyarrow.table(obj)`, `polars.from_arrow(obj)`).
#[pyclass(frozen, module = "gazette._native")]
struct ArrowTable {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowTable {
    /// Exports the batches as an `ArrowArrayStream` capsule. The requested
    /// schema is ignored: the table has the one of its Parquet files.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches: Vec<Result<RecordBatch, ArrowError>> =
            self.batches.iter().cloned().map(Ok).collect();
        let reader = RecordBatchIterator::new(batches, self.schema.clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, STREAM_CAPSULE)
    }

    /// Rows in the table.
    fn __len__(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }
}

/// The pipeline: the dictionary, its automata and the recognizers, built
/// once and shared by every call and thread.
#[pyclass(frozen, module = "gazette._native", name = "Pipeline")]
struct Pipeline {
    inner: Arc<gazette::pipeline::Pipeline>,
}

impl Pipeline {
    fn extract_records<F, I>(
        &self,
        py: Python<'_>,
        records: F,
        options: &ExtractOptions,
    ) -> PyResult<PyExtraction>
    where
        F: Fn() -> I + Send,
        I: Iterator<Item = Result<RawRecord, ErrorRow>>,
    {
        let pipeline = &self.inner;
        let out =
            py.detach(|| run::extract(pipeline, records, options)).map_err(|e| run_error(&e))?;
        Ok(PyExtraction {
            tables: out.tables,
            run_id: options.run_id.clone(),
            documents: out.documents,
            warnings: out.warnings,
            bytes: out.bytes,
            seconds: out.elapsed.as_secs_f64(),
        })
    }

    /// Extracts the rows of an Arrow stream, read whole first. The rows
    /// (numbered from 1) that `invalid` names are error rows with its
    /// message instead: values the caller found unusable before Arrow.
    fn extract_arrow(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        source: &str,
        options: &ExtractOptions,
        invalid: &HashMap<u32, String>,
    ) -> PyResult<PyExtraction> {
        let reader = import_stream(data)?;
        let text = &options.fields.text;
        if reader.schema().field_with_name(text).is_err() && !text.contains('.') {
            let columns: Vec<String> =
                reader.schema().fields().iter().map(|f| format!("`{}`", f.name())).collect();
            return Err(PyValueError::new_err(format!(
                "no text column `{text}` in the data (columns: {})",
                columns.join(", ")
            )));
        }
        let (schema, batches) = py.detach(|| read_batches(reader));
        let records = || {
            let batches = batches
                .clone()
                .into_iter()
                .map(|b| b.map_err(|message| ArrowError::ExternalError(message.into())));
            ingest::arrow_records(source, &schema, batches, &options.fields).map(|record| {
                match record {
                    Ok(raw) => match raw.line.and_then(|line| invalid.get(&line)) {
                        Some(message) => Err(ErrorRow::new(source, raw.line, message.clone())),
                        None => Ok(raw),
                    },
                    Err(error) => Err(error),
                }
            })
        };
        self.extract_records(py, records, options)
    }
}

#[pymethods]
impl Pipeline {
    /// Loads the bundled dictionary (unless `bundled` is false) merged
    /// with the dictionary folders `dicts`, and builds the automata.
    #[new]
    #[pyo3(signature = (dicts=Vec::new(), bundled=true))]
    fn new(py: Python<'_>, dicts: Vec<PathBuf>, bundled: bool) -> PyResult<Self> {
        let dictionary = py
            .detach(|| Dictionary::builder().dirs(&dicts).bundled(bundled).build())
            .map_err(|e| PyValueError::new_err(chain(&e)))?;
        let inner = Arc::new(py.detach(|| gazette::pipeline::Pipeline::new(dictionary)));
        Ok(Pipeline { inner })
    }

    /// Entities in the dictionary.
    #[getter]
    fn dictionary_entities(&self) -> usize {
        self.inner.dictionary().entities().len()
    }

    /// SHA-256 of the dictionary, as in `runs.dictionary_hash`.
    #[getter]
    fn dictionary_hash(&self) -> String {
        self.inner.dictionary().digest()
    }

    /// Extracts the rows of `data`, an object with `__arrow_c_stream__`.
    #[pyo3(signature = (data, *, source, id=None, text=None, title=None, url=None, published=None, keep_boilerplate=false, threads=None, run_id=None, invalid=HashMap::new()))]
    #[allow(clippy::too_many_arguments)]
    fn extract_arrow_stream(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        source: &str,
        id: Option<String>,
        text: Option<String>,
        title: Option<String>,
        url: Option<String>,
        published: Option<String>,
        keep_boilerplate: bool,
        threads: Option<usize>,
        run_id: Option<String>,
        invalid: HashMap<u32, String>,
    ) -> PyResult<PyExtraction> {
        let options = ExtractOptions {
            fields: fields(id, text, title, url, published),
            keep_boilerplate,
            threads,
            run_id: run_id.unwrap_or_else(run::new_run_id),
        };
        self.extract_arrow(py, data, source, &options, &invalid)
    }

    /// Extracts a list of texts: item `i` is the document of id `"i"`; an
    /// item that is not a string is an error row.
    #[pyo3(signature = (texts, *, source, keep_boilerplate=false, threads=None, run_id=None))]
    fn extract_texts(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyList>,
        source: &str,
        keep_boilerplate: bool,
        threads: Option<usize>,
        run_id: Option<String>,
    ) -> PyResult<PyExtraction> {
        let mut items: Vec<Result<String, String>> = Vec::with_capacity(texts.len());
        for item in texts.iter() {
            items.push(match item.cast::<PyString>() {
                Ok(text) => Ok(text.to_cow()?.into_owned()),
                Err(_) if item.is_none() => Err("item is None, not a string".to_owned()),
                Err(_) => Err(format!("item is a `{}`, not a string", item.get_type().name()?)),
            });
        }
        let options = ExtractOptions {
            fields: JsonlFields::default(),
            keep_boilerplate,
            threads,
            run_id: run_id.unwrap_or_else(run::new_run_id),
        };
        let records = || {
            items.iter().enumerate().map(|(index, item)| {
                let line = Some(u32::try_from(index + 1).unwrap_or(u32::MAX));
                match item {
                    Ok(text) => {
                        let id = index.to_string();
                        let bytes = serde_json::to_vec(&ListItem { id: &id, text })
                            .map_err(|e| ErrorRow::new(source, line, e.to_string()))?;
                        Ok(RawRecord {
                            path: source.to_owned(),
                            line,
                            path_id: None,
                            format: Format::Jsonl,
                            bytes,
                        })
                    }
                    Err(message) => Err(ErrorRow::new(source, line, message.clone())),
                }
            })
        };
        self.extract_records(py, records, &options)
    }

    /// Runs `gazette extract` over files and folders into the dataset
    /// `output`, published as one unit; returns the run's summary.
    #[pyo3(signature = (inputs, output, *, incremental=false, id=None, text=None, title=None, url=None, published=None, keep_boilerplate=false, threads=None, wait=false, allow_empty=false))]
    #[allow(clippy::too_many_arguments)]
    fn extract_files<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<PathBuf>,
        output: PathBuf,
        incremental: bool,
        id: Option<String>,
        text: Option<String>,
        title: Option<String>,
        url: Option<String>,
        published: Option<String>,
        keep_boilerplate: bool,
        threads: Option<usize>,
        wait: bool,
        allow_empty: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        if let Some(missing) = inputs.iter().find(|i| !i.exists()) {
            return Err(PyOSError::new_err(format!(
                "input `{}` does not exist",
                missing.display()
            )));
        }
        let options = RunOptions {
            inputs,
            format: None,
            out_dir: output,
            fields: fields(id, text, title, url, published),
            keep_boilerplate,
            threads,
            run_id: gazette::run::new_run_id(),
            wait,
            allow_empty,
            incremental,
            fault: None,
        };
        let summary = py
            .detach(|| run::run(&self.inner, &options, &NullObserver))
            .map_err(|e| run_error(&e))?;
        let dict = PyDict::new(py);
        dict.set_item("run_id", &options.run_id)?;
        dict.set_item("mode", summary.mode.as_str())?;
        dict.set_item("documents", summary.rows.documents)?;
        dict.set_item("sentences", summary.rows.sentences)?;
        dict.set_item("entities", summary.rows.entities)?;
        dict.set_item("mentions", summary.rows.mentions)?;
        dict.set_item("figures", summary.rows.figures)?;
        dict.set_item("errors", summary.rows.errors)?;
        dict.set_item("warnings", summary.warnings)?;
        dict.set_item("skipped_unchanged", summary.skipped_unchanged)?;
        dict.set_item("replaced", summary.replaced)?;
        dict.set_item("bytes", summary.bytes)?;
        dict.set_item("seconds", summary.elapsed.as_secs_f64())?;
        dict.set_item("mb_per_second", summary.megabytes_per_second())?;
        Ok(dict)
    }

    /// Extracts the rows of an Arrow stream and writes them as the part
    /// files `label` of a staged run into `directory`; returns the row
    /// counts. What a Spark task runs.
    #[pyo3(signature = (data, directory, *, run_id, label, source, id=None, text=None, title=None, url=None, published=None, keep_boilerplate=false, threads=None))]
    #[allow(clippy::too_many_arguments)]
    fn write_parts<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'_, PyAny>,
        directory: PathBuf,
        run_id: String,
        label: &str,
        source: &str,
        id: Option<String>,
        text: Option<String>,
        title: Option<String>,
        url: Option<String>,
        published: Option<String>,
        keep_boilerplate: bool,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let options = ExtractOptions {
            fields: fields(id, text, title, url, published),
            keep_boilerplate,
            threads,
            run_id: run_id.clone(),
        };
        let out = self.extract_arrow(py, data, source, &options, &HashMap::new())?;
        py.detach(|| out.tables.write_parts(&directory, &run_id, label))
            .map_err(|e| GazetteError::new_err(chain(&e)))?;
        let dict = PyDict::new(py);
        for table in ["documents", "sentences", "mentions", "figures", "errors"] {
            dict.set_item(table, out.tables.num_rows(table))?;
        }
        dict.set_item("bytes", out.bytes)?;
        Ok(dict)
    }
}

/// A list item as a JSON Lines record: `{"id":"<index>","text":"..."}`,
/// compact, keys in order, as a `.parquet` row becomes one.
#[derive(serde::Serialize)]
struct ListItem<'a> {
    id: &'a str,
    text: &'a str,
}

/// A run whose part files Spark tasks write ([`StagedRun`]): holds the
/// output's lock from creation to `commit` or `abort`.
#[pyclass(frozen, module = "gazette._native", name = "StagedRun")]
struct PyStagedRun {
    run: Mutex<Option<StagedRun>>,
    #[pyo3(get)]
    run_id: String,
    #[pyo3(get)]
    directory: PathBuf,
}

#[pymethods]
impl PyStagedRun {
    /// Locks `output` and creates the next state of its dataset beside it.
    #[new]
    #[pyo3(signature = (output, *, wait=false))]
    fn new(py: Python<'_>, output: PathBuf, wait: bool) -> PyResult<Self> {
        let run_id = gazette::run::new_run_id();
        let run =
            py.detach(|| StagedRun::begin(&output, &run_id, wait)).map_err(|e| run_error(&e))?;
        let directory = run.dir().to_path_buf();
        Ok(PyStagedRun { run: Mutex::new(Some(run)), run_id, directory })
    }

    /// Publishes the run: `entities` from the pipeline's dictionary and
    /// the entities the tasks found, the `runs` row with `counts`.
    #[pyo3(signature = (pipeline, counts, inputs))]
    fn commit<'py>(
        &self,
        py: Python<'py>,
        pipeline: &Pipeline,
        counts: &Bound<'py, PyDict>,
        inputs: Vec<String>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let get = |key: &str| -> PyResult<u64> {
            counts.get_item(key)?.map_or(Ok(0), |v| v.extract::<u64>())
        };
        let staged = StagedCounts {
            documents: get("documents")?,
            sentences: get("sentences")?,
            mentions: get("mentions")?,
            figures: get("figures")?,
            errors: get("errors")?,
        };
        let run = self
            .run
            .lock()
            .map_err(|_| PyRuntimeError::new_err("staged run poisoned"))?
            .take()
            .ok_or_else(|| GazetteError::new_err("the run was already committed or aborted"))?;
        let dictionary = pipeline.inner.dictionary();
        let rows =
            py.detach(|| run.commit(dictionary, staged, inputs)).map_err(|e| run_error(&e))?;
        let dict = PyDict::new(py);
        dict.set_item("run_id", &self.run_id)?;
        dict.set_item("documents", rows.documents)?;
        dict.set_item("sentences", rows.sentences)?;
        dict.set_item("entities", rows.entities)?;
        dict.set_item("mentions", rows.mentions)?;
        dict.set_item("figures", rows.figures)?;
        dict.set_item("errors", rows.errors)?;
        Ok(dict)
    }

    /// Drops the run: nothing is published, the next state is removed and
    /// the lock released.
    fn abort(&self) {
        if let Ok(mut run) = self.run.lock() {
            run.take();
        }
    }
}

/// Runs the `gazette` command line in this process with `argv` (the
/// program name first) and returns its exit code: 0, 1 or 2.
#[pyfunction]
fn main(py: Python<'_>, argv: Vec<OsString>) -> i32 {
    let code = py.detach(|| gazette::cli::run(argv));
    if code == ExitCode::SUCCESS {
        0
    } else if code == ExitCode::from(1) {
        1
    } else {
        2
    }
}

/// The schema version of the tables (`gazette.schema_version`).
const SCHEMA_VERSION: &str = gazette::sink::SCHEMA_VERSION;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pipeline>()?;
    m.add_class::<PyExtraction>()?;
    m.add_class::<ArrowTable>()?;
    m.add_class::<PyStagedRun>()?;
    m.add_function(wrap_pyfunction!(main, m)?)?;
    m.add("GazetteError", m.py().get_type::<GazetteError>())?;
    m.add("SCHEMA_VERSION", SCHEMA_VERSION)?;
    m.add("VERSION", gazette::run::GAZETTE_VERSION)?;
    Ok(())
}
