//! Choosing the dictionaries a pipeline matches: the bundled one (compiled
//! in from `dictionaries/`), directories of dictionary files, or both.

use std::path::PathBuf;

use super::{Dictionary, DictionaryError, load};

/// The sources of a dictionary, merged in order: the bundled dictionary
/// first (unless left out), then each directory; an entity of a later
/// source replaces one with the same id.
///
/// ```
/// use gazette::dictionary::Dictionary;
///
/// let dictionary = Dictionary::builder().build()?;
/// assert!(dictionary.entities().iter().any(|e| e.id == "org:mfds"));
/// # Ok::<(), gazette::dictionary::DictionaryError>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct DictionaryBuilder {
    dirs: Vec<PathBuf>,
    bundled: bool,
}

impl Default for DictionaryBuilder {
    fn default() -> Self {
        DictionaryBuilder { dirs: Vec::new(), bundled: true }
    }
}

impl DictionaryBuilder {
    /// Adds the directory `dir` after the sources given so far.
    pub fn dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.dirs.push(dir.into());
        self
    }

    /// Adds the directories `dirs`, in order.
    pub fn dirs(mut self, dirs: impl IntoIterator<Item = impl Into<PathBuf>>) -> Self {
        self.dirs.extend(dirs.into_iter().map(Into::into));
        self
    }

    /// Includes the bundled dictionary (the default) or leaves it out.
    pub fn bundled(mut self, bundled: bool) -> Self {
        self.bundled = bundled;
        self
    }

    /// Loads and merges the sources.
    ///
    /// # Errors
    ///
    /// [`DictionaryError::NoSource`] when the bundled dictionary is left
    /// out and no directory is given; else as [`Dictionary::load`].
    pub fn build(&self) -> Result<Dictionary, DictionaryError> {
        if !self.bundled && self.dirs.is_empty() {
            return Err(DictionaryError::NoSource);
        }
        load::load_dirs(&self.dirs, self.bundled).map(Dictionary::from_entities)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_source_is_an_error() {
        let error = Dictionary::builder().bundled(false).build().unwrap_err();
        assert!(matches!(error, DictionaryError::NoSource), "{error}");
    }

    #[test]
    fn the_default_is_the_bundled_dictionary() {
        let built = Dictionary::builder().build().unwrap_or_else(|e| panic!("{e}"));
        let loaded = Dictionary::load_with_bundled(&[] as &[PathBuf], true)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(built, loaded);
    }
}
