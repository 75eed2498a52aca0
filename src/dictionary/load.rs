//! Loading dictionary directories: which files a directory may hold, the order
//! they are read in, and the merge of several directories into one list.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use crate::model::Entity;

use super::error::DictionaryError;
use super::format::{FILE_KINDS, FileKind};
use super::tsv;

/// The bundled dictionary, compiled into the binary so that it works from
/// any directory: `(file name, content)` in load order.
const BUNDLED: [(&str, &str); 4] = [
    ("organizations.tsv", include_str!("../../dictionaries/organizations.tsv")),
    ("people.tsv", include_str!("../../dictionaries/people.tsv")),
    ("laws.tsv", include_str!("../../dictionaries/laws.tsv")),
    ("terms.tsv", include_str!("../../dictionaries/terms.tsv")),
];

/// Reads the bundled dictionary when `bundled` is true, then the entities of
/// every directory in `dirs`, directory by directory, each in [`FILE_KINDS`]
/// order, then by line. An entity whose id an earlier directory (or the
/// bundled dictionary) defined replaces that definition in place, so a user
/// directory can correct or extend a bundled entity.
///
/// # Errors
///
/// When a directory or file cannot be read, a `.tsv` file has an unknown name,
/// a file is malformed, or an id is defined twice in one directory.
pub(super) fn load_dirs(
    dirs: &[impl AsRef<Path>],
    bundled: bool,
) -> Result<Vec<Entity>, DictionaryError> {
    let mut merged = Merged::default();
    for file in source_files(dirs, bundled) {
        let file = file?;
        for row in tsv::parse(&file.path, &file.text, file.kind)? {
            merged.add(&file, row)?;
        }
    }
    Ok(merged.entities)
}

/// The content of one dictionary file.
pub(super) struct SourceFile {
    /// Number of its directory in load order; the bundled dictionary is 0.
    pub(super) directory: usize,
    /// Where it was read from (`dictionaries/…` for the bundled files).
    pub(super) path: PathBuf,
    /// Its text.
    pub(super) text: Cow<'static, str>,
    /// Its name, type and id prefix.
    pub(super) kind: &'static FileKind,
}

/// The files of the bundled dictionary when `bundled` is true, then those of
/// every directory in `dirs`, each in [`FILE_KINDS`] order; a directory or
/// file that cannot be read is an error item in its place.
pub(super) fn source_files(
    dirs: &[impl AsRef<Path>],
    bundled: bool,
) -> Vec<Result<SourceFile, DictionaryError>> {
    let mut files = Vec::new();
    if bundled {
        for (file_name, text) in BUNDLED {
            let kind = FILE_KINDS.iter().find(|k| k.file_name == file_name).expect("known file");
            let path = Path::new("dictionaries").join(file_name);
            files.push(Ok(SourceFile { directory: 0, path, text: Cow::Borrowed(text), kind }));
        }
    }
    for (dir, directory) in dirs.iter().zip(1..) {
        match dictionary_files(dir.as_ref()) {
            Ok(present) => files.extend(present.into_iter().map(|(kind, path)| {
                let text = read_utf8(&path)?;
                Ok(SourceFile { directory, path, text: Cow::Owned(text), kind })
            })),
            Err(error) => files.push(Err(error)),
        }
    }
    files
}

/// Where an id was defined: file, line, directory number, index in the list.
pub(super) struct Definition {
    /// The file.
    pub(super) path: PathBuf,
    /// The 1-based line.
    pub(super) line: usize,
    directory: usize,
    index: usize,
}

/// Entities gathered so far, with where each id was defined.
#[derive(Default)]
pub(super) struct Merged {
    /// The entities, in load order.
    pub(super) entities: Vec<Entity>,
    /// Where each entity's id was last defined.
    pub(super) defined_at: HashMap<String, Definition>,
}

impl Merged {
    /// Appends the entity of `row`, read from `file`, or replaces the one an
    /// earlier directory defined with the same id.
    ///
    /// # Errors
    ///
    /// When the id is already defined in the same directory.
    pub(super) fn add(&mut self, file: &SourceFile, row: tsv::Row) -> Result<(), DictionaryError> {
        let here = |index| Definition {
            path: file.path.clone(),
            line: row.line,
            directory: file.directory,
            index,
        };
        match self.defined_at.entry(row.entity.id.clone()) {
            Entry::Occupied(first) if first.get().directory == file.directory => {
                let first = first.get();
                return Err(DictionaryError::DuplicateId {
                    path: file.path.clone(),
                    line: row.line,
                    id: row.entity.id,
                    first_path: first.path.clone(),
                    first_line: first.line,
                });
            }
            Entry::Occupied(mut earlier) => {
                let index = earlier.get().index;
                earlier.insert(here(index));
                self.entities[index] = row.entity;
            }
            Entry::Vacant(slot) => {
                slot.insert(here(self.entities.len()));
                self.entities.push(row.entity);
            }
        }
        Ok(())
    }
}

/// The dictionary files present in `dir`, in load order; other files are
/// ignored, but a `.tsv` file with an unknown name is an error.
fn dictionary_files(dir: &Path) -> Result<Vec<(&'static FileKind, PathBuf)>, DictionaryError> {
    let io_error = |source| DictionaryError::Io { path: dir.to_path_buf(), source };
    let mut present = Vec::new();
    for entry in fs_err::read_dir(dir).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        if path.extension().is_none_or(|extension| extension != "tsv") {
            continue;
        }
        let kind = FILE_KINDS
            .iter()
            .find(|kind| path.file_name().is_some_and(|name| name == kind.file_name));
        match kind {
            Some(kind) => present.push(kind.file_name),
            None => return Err(DictionaryError::UnknownFile { path }),
        }
    }
    Ok(FILE_KINDS
        .iter()
        .filter(|kind| present.contains(&kind.file_name))
        .map(|kind| (kind, dir.join(kind.file_name)))
        .collect())
}

/// The content of `path`, which must be UTF-8.
fn read_utf8(path: &Path) -> Result<String, DictionaryError> {
    let bytes = fs_err::read(path)
        .map_err(|source| DictionaryError::Io { path: path.to_path_buf(), source })?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.as_bytes().get(..error.utf8_error().valid_up_to()).unwrap_or_default();
        let line = valid.split(|&byte| byte == b'\n').count();
        DictionaryError::NotUtf8 { path: path.to_path_buf(), line }
    })
}

#[cfg(test)]
mod tests {
    use std::fs;

    use tempfile::TempDir;

    use super::super::format::HEADER;
    use super::*;
    use crate::model::EntityType;

    /// A directory holding `files`, given as `(name, content)`.
    fn dir_with(files: &[(&str, &str)]) -> TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, content) in files {
            fs::write(dir.path().join(name), content).unwrap();
        }
        dir
    }

    fn ids(entities: &[Entity]) -> Vec<&str> {
        entities.iter().map(|entity| entity.id.as_str()).collect()
    }

    #[test]
    fn reads_files_in_type_order_and_ignores_other_files() {
        let dir = dir_with(&[
            (
                "terms.tsv",
                &format!("{HEADER}\nterm:gmp\tGood Manufacturing Practice\t\t\t\t\tGMP\n"),
            ),
            (
                "people.tsv",
                &format!("{HEADER}\nperson:oh-yu-kyoung\tOh Yu-kyoung\t오유경\t\t\tKR\t\n"),
            ),
            ("organizations.tsv", &format!("{HEADER}\norg:b\tB\t\t\t\t\t\norg:a\tA\t\t\t\t\t\n")),
            ("laws.tsv", HEADER),
            ("products.tsv", &format!("{HEADER}\nproduct:x\tX\t\t\t\t\t\n")),
            ("places.tsv", &format!("{HEADER}\nplace:kr\tKorea\t한국\t韓国\t韩国\tKR\t\n")),
            ("README.md", "# not a dictionary\n"),
            ("notes.txt", "id\tjunk\n"),
        ]);
        let entities = load_dirs(&[dir.path()], false).unwrap();
        assert_eq!(
            ids(&entities),
            ["org:b", "org:a", "person:oh-yu-kyoung", "term:gmp", "place:kr", "product:x"]
        );
        let types: Vec<EntityType> = entities.iter().map(|entity| entity.entity_type).collect();
        assert_eq!(
            types,
            [
                EntityType::Organization,
                EntityType::Organization,
                EntityType::Person,
                EntityType::Term,
                EntityType::Place,
                EntityType::Product
            ]
        );
    }

    #[test]
    fn merges_directories_in_order() {
        let bundled = dir_with(&[
            (
                "organizations.tsv",
                &format!("{HEADER}\norg:mfds\tMinistry of Food and Drug Safety\t\t\t\tKR\tMFDS\n"),
            ),
            (
                "terms.tsv",
                &format!("{HEADER}\nterm:gmp\tGood Manufacturing Practice\t\t\t\t\tGMP\n"),
            ),
        ]);
        let user = dir_with(&[(
            "organizations.tsv",
            &format!("{HEADER}\norg:acme\tAcme Bio\t\t\t\tKR\t\n"),
        )]);
        let entities = load_dirs(&[bundled.path(), user.path()], false).unwrap();
        assert_eq!(ids(&entities), ["org:mfds", "term:gmp", "org:acme"]);
        assert!(load_dirs(&[] as &[&Path], false).unwrap().is_empty());
    }

    #[test]
    fn bundled_dictionary_loads_and_merges_with_user_directories() {
        let bundled = load_dirs(&[] as &[&Path], true).unwrap();
        assert!(bundled.len() > 300, "{}", bundled.len());
        assert!(bundled.iter().any(|e| e.id == "org:mfds"));
        let user =
            dir_with(&[("terms.tsv", &format!("{HEADER}\nterm:my-term\tMy Term\t\t\t\t\t\n"))]);
        let merged = load_dirs(&[user.path()], true).unwrap();
        assert_eq!(merged.len(), bundled.len() + 1);
        assert_eq!(merged.last().map(|e| e.id.as_str()), Some("term:my-term"));
    }

    #[test]
    fn a_later_directory_replaces_an_entity_in_place() {
        let first = dir_with(&[(
            "organizations.tsv",
            &format!("{HEADER}\norg:a\tA\t\t\t\t\t\norg:mfds\tMFDS\t\t\t\t\t\n"),
        )]);
        let second = dir_with(&[(
            "organizations.tsv",
            &format!("{HEADER}\norg:mfds\tMinistry of Food and Drug Safety\t\t\t\tKR\tMFDS\n"),
        )]);
        let entities = load_dirs(&[first.path(), second.path()], false).unwrap();
        assert_eq!(ids(&entities), ["org:a", "org:mfds"]);
        assert_eq!(entities[1].canonical, "Ministry of Food and Drug Safety");
        assert_eq!(entities[1].country.as_deref(), Some("KR"));

        let bundled = load_dirs(&[] as &[&Path], true).unwrap();
        let again = load_dirs(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("dictionaries")], true);
        assert_eq!(again.unwrap(), bundled, "the bundled directory given again changes nothing");
    }

    #[test]
    fn duplicate_ids_in_one_directory_name_both_places() {
        let same_file = dir_with(&[(
            "terms.tsv",
            &format!("{HEADER}\nterm:a\tA\t\t\t\t\t\nterm:a\tB\t\t\t\t\t\n"),
        )]);
        let path = same_file.path().join("terms.tsv");
        assert_eq!(
            load_dirs(&[same_file.path()], false).unwrap_err().to_string(),
            format!(
                "{}:3: duplicate id `term:a`, first defined at {}:2",
                path.display(),
                path.display()
            )
        );
    }

    #[test]
    fn unknown_tsv_file_is_an_error() {
        let dir = dir_with(&[("companies.tsv", HEADER)]);
        assert_eq!(
            load_dirs(&[dir.path()], false).unwrap_err().to_string(),
            format!(
                "{}: unknown dictionary file name, expected one of `organizations.tsv`, `people.tsv`, `laws.tsv`, `terms.tsv`, `places.tsv`, `products.tsv`",
                dir.path().join("companies.tsv").display()
            )
        );
    }

    #[test]
    fn ids_must_match_the_file() {
        let dir = dir_with(&[("laws.tsv", &format!("{HEADER}\norg:mfds\tMFDS\t\t\t\t\t\n"))]);
        assert_eq!(
            load_dirs(&[dir.path()], false).unwrap_err().to_string(),
            format!(
                "{}:2: invalid id `org:mfds`, expected `law:` and a slug of lowercase ASCII letters, digits, `-` or `.`",
                dir.path().join("laws.tsv").display()
            )
        );
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("terms.tsv");
        fs::write(&path, [HEADER.as_bytes(), b"\nterm:a\tA\xff\t\t\t\t\t\n"].concat()).unwrap();
        let error = load_dirs(&[dir.path()], false).unwrap_err();
        assert!(matches!(error, DictionaryError::NotUtf8 { line: 2, .. }));
        assert_eq!(error.to_string(), format!("{}:2: invalid UTF-8", path.display()));
    }

    #[test]
    fn missing_directory_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let error = load_dirs(&[&missing], false).unwrap_err();
        assert_eq!(error.to_string(), format!("cannot read dictionary `{}`", missing.display()));
        assert!(std::error::Error::source(&error).is_some());
    }
}
