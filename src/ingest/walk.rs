//! Finding input files: explicit paths, standard input, and directories
//! walked recursively.

use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tempfile::TempPath;
use walkdir::WalkDir;

use super::{Compression, Format, io_reason, path_id};
use crate::model::ErrorRow;

/// The input path that means standard input.
pub const STDIN: &str = "-";

/// The file that marks a folder as gazette's output: its lock file. The
/// Parquet files beside it are tables of an earlier run, not inputs.
const OUTPUT_MARKER: &str = ".gazette.lock";

/// An input file to read.
#[derive(Clone, Debug)]
pub struct InputFile {
    /// Path as given or found under a given directory (`-` for standard input).
    pub path: PathBuf,
    /// Path relative to its input root, without extension.
    pub path_id: String,
    /// How the file is parsed.
    pub format: Format,
    /// Size in bytes when listed.
    pub len: u64,
    /// How the file is compressed (`.gz`, `.zst`).
    pub compression: Compression,
    /// A stream (standard input, a pipe, a FIFO) is read once, into this
    /// temporary file, which every pass then reads.
    pub spool: Option<Arc<TempPath>>,
}

impl InputFile {
    /// Where the bytes are read from: the spooled copy of a stream, else the path.
    #[must_use]
    pub fn read_path(&self) -> &Path {
        self.spool.as_deref().map_or(&self.path, |spool| spool)
    }
}

/// Entries of input folders passed over, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Hidden files and folders (a name starting with `.`), each counted once.
    pub hidden: u64,
    /// Files whose extension is not one gazette reads.
    pub unknown_type: u64,
    /// Parquet files in an output folder of gazette: tables of a run.
    pub output: u64,
}

impl Skipped {
    /// All entries passed over.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.hidden + self.unknown_type + self.output
    }
}

impl std::fmt::Display for Skipped {
    /// `2 hidden, 3 of unknown type, 6 of gazette's output`, leaving out zero counts.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = [
            (self.hidden, "hidden"),
            (self.unknown_type, "of unknown type"),
            (self.output, "of gazette's output"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, reason)| format!("{n} {reason}"))
        .collect();
        f.write_str(&parts.join(", "))
    }
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Listing {
    /// The files to read, in order.
    pub files: Vec<InputFile>,
    /// Inputs that cannot be read, as error rows.
    pub errors: Vec<ErrorRow>,
    /// Entries of input folders passed over.
    pub skipped: Skipped,
}

/// Lists the input files under `inputs`, in a stable order: each input in
/// the order given, directories walked recursively in file-name order,
/// following symbolic links. Inside directories, hidden entries, files of
/// unknown types and the tables of an output folder of gazette are skipped, and anything that cannot be read as a file (a
/// FIFO, a socket, a device, a dangling or looping link) is an error row: it
/// is never opened, so it cannot block the run. A file named explicitly is
/// read as `format` when given, else by its extension, else as text; a
/// stream named explicitly (`-` for standard input, `/dev/stdin`, a pipe, a
/// FIFO) is read once into a temporary file, and without `format` its first
/// bytes decide: `{` JSONL, `[` JSON, `<` HTML, `PAR1` Parquet, else text.
#[must_use]
pub fn discover(inputs: &[PathBuf], format: Option<Format>) -> Listing {
    let listing = list(inputs, format);
    for file in &listing.files {
        let compression = match file.compression {
            Compression::None => "",
            Compression::Gzip => ", gzip",
            Compression::Zstd => ", zstd",
        };
        log::debug!(
            "input `{}`: {}{compression}, {} bytes",
            file.path.display(),
            file.format,
            file.len
        );
    }
    let bytes: u64 = listing.files.iter().map(|f| f.len).sum();
    log::info!(
        "listed {} input files ({bytes} bytes){}{}",
        listing.files.len(),
        if listing.errors.is_empty() {
            String::new()
        } else {
            format!(", {} unreadable", listing.errors.len())
        },
        if listing.skipped.total() == 0 {
            String::new()
        } else {
            format!(", skipped {}", listing.skipped)
        },
    );
    listing
}

fn list(inputs: &[PathBuf], format: Option<Format>) -> Listing {
    let mut listing = Listing::default();
    let Listing { files, errors, skipped } = &mut listing;
    for input in inputs {
        let error = |message: String| ErrorRow::new(input.display().to_string(), None, message);
        if input.as_os_str() == STDIN {
            match spool(std::io::stdin().lock(), input, format) {
                Ok(file) => files.push(file),
                Err(message) => errors.push(error(message)),
            }
            continue;
        }
        match fs_err::metadata(input) {
            Ok(meta) if meta.is_dir() => walk_dir(input, files, errors, skipped),
            Ok(meta) if meta.is_file() => {
                let format = format.or_else(|| extension_format(input)).unwrap_or(Format::Text);
                let root = input.parent().unwrap_or(Path::new(""));
                files.push(InputFile {
                    path: input.clone(),
                    path_id: path_id(input, root),
                    format,
                    len: meta.len(),
                    compression: Compression::of(input),
                    spool: None,
                });
            }
            Ok(_) => {
                let opened = fs_err::File::open(input)
                    .map_err(|e| format!("cannot read: {}", io_reason(&e)))
                    .and_then(|stream| spool(stream, input, format));
                match opened {
                    Ok(file) => files.push(file),
                    Err(message) => errors.push(error(message)),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(error("no such file or directory".into()));
            }
            Err(e) => errors.push(error(format!("cannot read: {}", io_reason(&e)))),
        }
    }
    listing
}

/// Reads a stream to its end into a temporary file.
fn spool(mut stream: impl Read, input: &Path, format: Option<Format>) -> Result<InputFile, String> {
    let cannot = |e: std::io::Error| format!("cannot read stream: {}", io_reason(&e));
    let mut file = tempfile::NamedTempFile::new().map_err(cannot)?;
    let len = std::io::copy(&mut stream, &mut file).map_err(cannot)?;
    let (mut file, spool) = file.into_parts();
    let format = match format.or_else(|| extension_format(input)) {
        Some(format) => format,
        None => {
            use std::io::Seek;
            let mut head = [0u8; 512];
            file.seek(std::io::SeekFrom::Start(0)).map_err(cannot)?;
            let n = file.read(&mut head).map_err(cannot)?;
            sniff(&head[..n])
        }
    };
    let name =
        if input.as_os_str() == STDIN { "stdin".into() } else { path_id(input, Path::new("")) };
    Ok(InputFile {
        path: input.to_path_buf(),
        path_id: name,
        format,
        len,
        compression: Compression::of(input),
        spool: Some(Arc::new(spool)),
    })
}

/// The format of a stream by its magic number (Parquet), else its first
/// byte other than whitespace or a BOM.
fn sniff(head: &[u8]) -> Format {
    if head.starts_with(b"PAR1") {
        return Format::Parquet;
    }
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        Some(b'[') => Format::Json,
        Some(b'<') => Format::Html,
        _ => Format::Text,
    }
}

fn walk_dir(
    root: &Path,
    files: &mut Vec<InputFile>,
    errors: &mut Vec<ErrorRow>,
    skipped: &mut Skipped,
) {
    let hidden = std::cell::Cell::new(0);
    let walker =
        WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
            let visible = e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.');
            if !visible {
                log::debug!("skipped `{}`: hidden", e.path().display());
            }
            hidden.set(hidden.get() + u64::from(!visible));
            visible
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(listing_error(&e, root));
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        if !file_type.is_file() {
            let message = format!("{}, not a regular file; skipped", special_kind(file_type));
            errors.push(ErrorRow::new(entry.path().display().to_string(), None, message));
            continue;
        }
        let Some(format) = extension_format(entry.path()) else {
            log::debug!("skipped `{}`: not a type gazette reads", entry.path().display());
            skipped.unknown_type += 1;
            continue;
        };
        // A dataset's part files are in `<out>/<table>/`, beside `<out>`'s lock.
        if format == Format::Parquet
            && entry.path().ancestors().skip(1).take(2).any(|dir| dir.join(OUTPUT_MARKER).exists())
        {
            log::debug!("skipped `{}`: a table of gazette's output", entry.path().display());
            skipped.output += 1;
            continue;
        }
        files.push(InputFile {
            path: entry.path().to_path_buf(),
            path_id: path_id(entry.path(), root),
            format,
            len: entry.metadata().map_or(0, |m| m.len()),
            compression: Compression::of(entry.path()),
            spool: None,
        });
    }
    skipped.hidden += hidden.get();
}

/// What a directory entry that is not a regular file is.
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_fifo() {
        "a FIFO (named pipe)"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_block_device() || file_type.is_char_device() {
        "a device"
    } else {
        "a special file"
    }
}

/// The error row of an entry that could not be listed: a link loop, a
/// dangling link, an unreadable directory.
fn listing_error(e: &walkdir::Error, root: &Path) -> ErrorRow {
    let path = e.path().unwrap_or(root);
    let message = if let Some(ancestor) = e.loop_ancestor() {
        format!("symbolic link loop (back to `{}`); skipped", ancestor.display())
    } else if e.io_error().is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
        && path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())
    {
        let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
        format!("dangling symbolic link (to `{target}`); skipped")
    } else {
        format!("cannot list: {}", e.io_error().map_or_else(|| e.to_string(), io_reason))
    };
    ErrorRow::new(path.display().to_string(), None, message)
}

/// The format a path's extension names, looking through a compression
/// extension (`a.jsonl.gz` is JSONL).
fn extension_format(path: &Path) -> Option<Format> {
    let inner = Compression::of(path).strip(path);
    inner.extension().and_then(|e| e.to_str()).and_then(Format::from_extension)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skipping_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "b.txt",
            "a.jsonl",
            "sub/c.html",
            ".hidden/d.txt",
            "notes.md",
            ".e.txt",
            "f.json.gz",
            "g.parquet",
        ] {
            let path = root.join(name);
            fs_err::create_dir_all(path.parent().unwrap()).unwrap();
            fs_err::write(&path, "x").unwrap();
        }
        let Listing { files, errors, skipped } =
            discover(&[root.to_path_buf(), root.join("notes.md")], None);
        assert!(errors.is_empty());
        assert_eq!(skipped, Skipped { hidden: 2, unknown_type: 1, output: 0 });
        assert_eq!(skipped.to_string(), "2 hidden, 1 of unknown type");
        let listed: Vec<_> = files.iter().map(|f| (f.path_id.as_str(), f.format)).collect();
        assert_eq!(
            listed,
            [
                ("a", Format::Jsonl),
                ("b", Format::Text),
                ("f", Format::Json),
                ("g", Format::Parquet),
                ("sub/c", Format::Html),
                ("notes", Format::Text)
            ]
        );
    }

    #[test]
    fn tables_of_an_output_folder_are_not_inputs() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["in/a.parquet", "in/out/documents/part-x-0.parquet", "in/out/notes.txt"] {
            let path = dir.path().join(name);
            fs_err::create_dir_all(path.parent().unwrap()).unwrap();
            fs_err::write(&path, "x").unwrap();
        }
        fs_err::write(dir.path().join("in/out").join(crate::sink::LOCK_FILE), "").unwrap();
        let Listing { files, skipped, .. } = discover(&[dir.path().join("in")], None);
        let listed: Vec<_> = files.iter().map(|f| f.path_id.as_str()).collect();
        assert_eq!(listed, ["a", "out/notes"]);
        assert_eq!(skipped.to_string(), "1 hidden, 1 of gazette's output");
    }

    #[test]
    fn missing_input_is_an_error_row() {
        let Listing { files, errors, .. } = discover(&[PathBuf::from("/no/such/input")], None);
        assert!(files.is_empty());
        assert_eq!(errors, [ErrorRow::new("/no/such/input", None, "no such file or directory")]);
    }

    #[test]
    fn links_are_followed_and_special_files_are_error_rows() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        let elsewhere = dir.path().join("elsewhere");
        fs_err::create_dir_all(root.join("sub")).unwrap();
        fs_err::create_dir_all(&elsewhere).unwrap();
        fs_err::write(elsewhere.join("far.txt"), "x").unwrap();
        symlink(elsewhere.join("far.txt"), root.join("a-link.txt")).unwrap();
        symlink(&elsewhere, root.join("b-dir")).unwrap();
        symlink(root.join("missing.txt"), root.join("c-dangling.txt")).unwrap();
        symlink(&root, root.join("sub/d-loop")).unwrap();
        let fifo = root.join("e-pipe.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());

        let Listing { files, errors, .. } = discover(std::slice::from_ref(&root), None);
        let listed: Vec<_> = files.iter().map(|f| f.path_id.as_str()).collect();
        assert_eq!(listed, ["a-link", "b-dir/far"]);
        let rows: Vec<_> = errors
            .iter()
            .map(|e| (e.source.strip_prefix(root.to_str().unwrap()).unwrap(), e.message.as_str()))
            .collect();
        let dangling = format!(
            "dangling symbolic link (to `{}`); skipped",
            root.join("missing.txt").display()
        );
        let looping = format!("symbolic link loop (back to `{}`); skipped", root.display());
        assert_eq!(
            rows,
            [
                ("/c-dangling.txt", dangling.as_str()),
                ("/e-pipe.jsonl", "a FIFO (named pipe), not a regular file; skipped"),
                ("/sub/d-loop", looping.as_str()),
            ]
        );
    }

    #[test]
    fn streams_are_spooled_and_sniffed() {
        let cases: &[(&[u8], Format)] = &[
            (b"\n {\"text\": \"a\"}\n", Format::Jsonl),
            (b"\xEF\xBB\xBF<html></html>", Format::Html),
            (b"plain words", Format::Text),
            (b" [{\"text\": \"a\"}]", Format::Json),
            (b"PAR1\x15\x04", Format::Parquet),
        ];
        for (bytes, format) in cases {
            let file = spool(*bytes, Path::new("-"), None).unwrap();
            assert_eq!(
                (file.format, file.len, file.path_id.as_str()),
                (*format, bytes.len() as u64, "stdin")
            );
            assert_eq!(fs_err::read(file.read_path()).unwrap(), *bytes);
        }
        let forced = spool(&b"{}"[..], Path::new("/dev/fd/63"), Some(Format::Text)).unwrap();
        assert_eq!(forced.format, Format::Text);
    }
}
