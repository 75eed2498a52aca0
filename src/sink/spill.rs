//! Where the Parquet writer keeps the finished pages of a row group until
//! the row group is complete: in an unnamed temporary file beside the part,
//! not in memory.
//!
//! A row group's column chunks must each be contiguous in the file, so the
//! writer holds every finished page until the whole row group is encoded:
//! by default in memory, up to the row group's size for every table at
//! once. Kept in a file instead, the pages cost the run no memory whatever
//! the row group size, and the operating system drops the file when the
//! row group is written (or the run dies).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use bytes::Bytes;
use parquet::arrow::arrow_writer::{PageKey, PageStore, PageStoreArgs, PageStoreFactory};
use parquet::errors::{ParquetError, Result};

/// Makes a [`SpilledPages`] in `dir` for each column chunk.
#[derive(Debug)]
pub(super) struct SpillToFile {
    dir: PathBuf,
}

impl SpillToFile {
    /// Keeps pages in unnamed files created in `dir`.
    pub(super) fn new(dir: PathBuf) -> Self {
        SpillToFile { dir }
    }
}

impl PageStoreFactory for SpillToFile {
    fn create(&self, _args: &PageStoreArgs<'_>) -> Result<Box<dyn PageStore>> {
        Ok(Box::new(SpilledPages { dir: self.dir.clone(), file: None, pages: Vec::new() }))
    }
}

/// The finished pages of one column chunk, appended to a temporary file
/// (created with the first page) and read back one at a time.
pub(super) struct SpilledPages {
    dir: PathBuf,
    file: Option<File>,
    /// Offset and length of each page in the file; a page's key is its
    /// index.
    pages: Vec<(u64, usize)>,
}

impl PageStore for SpilledPages {
    fn put(&mut self, page: Bytes) -> Result<PageKey> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(tempfile::tempfile_in(&self.dir).map_err(external)?),
        };
        let offset = self.pages.last().map_or(0, |&(offset, len)| offset + len as u64);
        file.seek(SeekFrom::Start(offset)).map_err(external)?;
        file.write_all(&page).map_err(external)?;
        self.pages.push((offset, page.len()));
        Ok(PageKey::new(self.pages.len() as u64 - 1))
    }

    fn take(&mut self, key: PageKey) -> Result<Bytes> {
        let missing = || ParquetError::General(format!("no spilled page {}", key.get()));
        let &(offset, len) = usize::try_from(key.get())
            .ok()
            .and_then(|index| self.pages.get(index))
            .ok_or_else(missing)?;
        let file = self.file.as_mut().ok_or_else(missing)?;
        let mut page = vec![0; len];
        file.seek(SeekFrom::Start(offset)).map_err(external)?;
        file.read_exact(&mut page).map_err(external)?;
        Ok(Bytes::from(page))
    }
}

fn external(error: std::io::Error) -> ParquetError {
    ParquetError::External(Box::new(error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_come_back_as_they_went_in_in_any_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SpilledPages { dir: dir.path().to_path_buf(), file: None, pages: vec![] };
        let keys: Vec<_> = ["first page", "", "third, a longer page"]
            .into_iter()
            .map(|page| store.put(Bytes::from(page)).unwrap())
            .collect();
        assert_eq!(store.take(keys[2]).unwrap(), "third, a longer page");
        assert_eq!(store.take(keys[0]).unwrap(), "first page");
        assert_eq!(store.take(keys[1]).unwrap(), "");
        assert_eq!(store.memory_size(), 0);
        // The file has no name: nothing is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn an_unknown_page_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = SpilledPages { dir: dir.path().to_path_buf(), file: None, pages: vec![] };
        assert!(store.take(PageKey::new(0)).is_err());
        store.put(Bytes::from("page")).unwrap();
        assert!(store.take(PageKey::new(1)).is_err());
    }
}
