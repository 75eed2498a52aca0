//! Finding input files: explicit paths and directories walked recursively.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{Format, path_id};
use crate::model::ErrorRow;

/// An input file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    /// Path as given or found under a given directory.
    pub path: PathBuf,
    /// Path relative to its input root, without extension.
    pub path_id: String,
    /// How the file is parsed.
    pub format: Format,
    /// Size in bytes when listed.
    pub len: u64,
}

/// Lists the input files under `inputs`, in a stable order: each input in
/// the order given, directories walked recursively in file-name order.
/// Inside directories, hidden entries and files of unknown types are
/// skipped; a file named explicitly is read as text unless its extension says
/// JSONL or HTML. Paths that cannot be listed become error rows.
#[must_use]
pub fn discover(inputs: &[PathBuf]) -> (Vec<InputFile>, Vec<ErrorRow>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let error =
            |message: String| ErrorRow { source: input.display().to_string(), line: None, message };
        match fs_err::metadata(input) {
            Ok(meta) if meta.is_dir() => walk_dir(input, &mut files, &mut errors),
            Ok(meta) => {
                let format = extension_format(input).unwrap_or(Format::Text);
                let root = input.parent().unwrap_or(Path::new(""));
                files.push(InputFile {
                    path: input.clone(),
                    path_id: path_id(input, root),
                    format,
                    len: meta.len(),
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(error("no such file or directory".into()));
            }
            Err(e) => errors.push(error(format!("cannot read: {}", super::io_reason(&e)))),
        }
    }
    (files, errors)
}

fn walk_dir(root: &Path, files: &mut Vec<InputFile>, errors: &mut Vec<ErrorRow>) {
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let Some(format) = extension_format(entry.path()) else { continue };
                files.push(InputFile {
                    path: entry.path().to_path_buf(),
                    path_id: path_id(entry.path(), root),
                    format,
                    len: entry.metadata().map_or(0, |m| m.len()),
                });
            }
            Ok(_) => {}
            Err(e) => errors.push(ErrorRow {
                source: e.path().unwrap_or(root).display().to_string(),
                line: None,
                message: format!(
                    "cannot list directory: {}",
                    e.io_error().map_or_else(|| e.to_string(), super::io_reason)
                ),
            }),
        }
    }
}

fn extension_format(path: &Path) -> Option<Format> {
    path.extension().and_then(|e| e.to_str()).and_then(Format::from_extension)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skipping_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in ["b.txt", "a.jsonl", "sub/c.html", ".hidden/d.txt", "notes.md", ".e.txt"] {
            let path = root.join(name);
            fs_err::create_dir_all(path.parent().unwrap()).unwrap();
            fs_err::write(&path, "x").unwrap();
        }
        let (files, errors) = discover(&[root.to_path_buf(), root.join("notes.md")]);
        assert!(errors.is_empty());
        let listed: Vec<_> = files.iter().map(|f| (f.path_id.as_str(), f.format)).collect();
        assert_eq!(
            listed,
            [
                ("a", Format::Jsonl),
                ("b", Format::Text),
                ("sub/c", Format::Html),
                ("notes", Format::Text)
            ]
        );
    }

    #[test]
    fn missing_input_is_an_error_row() {
        let (files, errors) = discover(&[PathBuf::from("/no/such/input")]);
        assert!(files.is_empty());
        assert_eq!(
            errors,
            [ErrorRow {
                source: "/no/such/input".into(),
                line: None,
                message: "no such file or directory".into()
            }]
        );
    }
}
