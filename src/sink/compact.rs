//! `gazette compact`: merging a dataset's small part files, published as one
//! unit like a run.

use std::path::{Path, PathBuf};

use super::SinkError;
use super::dataset::{Dataset, read_part};
use super::lock::OutputLock;
use super::parts::{Naming, PartWriter, conform};
use super::publish::{self, NextState};
use super::runs::RunsBuilder;
use super::tables::{
    DocumentsBuilder, EntitiesBuilder, ErrorsBuilder, FiguresBuilder, MentionsBuilder,
    SentencesBuilder, TableBuilder,
};

/// A part file at least this large is kept as it is.
const SMALL_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Part files per table before and after compaction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compaction {
    /// `(table, parts before, parts after)`, in table order.
    pub tables: Vec<(&'static str, usize, usize)>,
}

/// Merges the small part files of every table of the locked dataset into
/// as few files as [`super::parts::PART_BYTES`] allows, and publishes the
/// result as one unit; rows are unchanged. The merged files are named for
/// `compaction_id`.
///
/// # Errors
///
/// Fails when the dataset cannot be read or the next state written; the
/// published dataset is then left as it was.
pub fn compact(lock: &OutputLock, compaction_id: &str) -> Result<Compaction, SinkError> {
    let out_dir = lock.out_dir();
    let dataset = Dataset::open(out_dir)?;
    publish::check_renamable(out_dir)?;
    publish::remove_abandoned(out_dir);
    let next = NextState::create(out_dir, compaction_id)?;
    let tables = vec![
        compact_table::<DocumentsBuilder>(&dataset, &next, compaction_id, Naming::Numbered)?,
        compact_table::<SentencesBuilder>(&dataset, &next, compaction_id, Naming::Numbered)?,
        compact_table::<EntitiesBuilder>(&dataset, &next, compaction_id, Naming::Single)?,
        compact_table::<MentionsBuilder>(&dataset, &next, compaction_id, Naming::Numbered)?,
        compact_table::<FiguresBuilder>(&dataset, &next, compaction_id, Naming::Numbered)?,
        compact_table::<ErrorsBuilder>(&dataset, &next, compaction_id, Naming::Numbered)?,
        compact_table::<RunsBuilder>(&dataset, &next, compaction_id, Naming::Single)?,
    ];
    next.publish()?;
    Ok(Compaction { tables })
}

/// Keeps the large parts of table `B` and merges the small ones.
fn compact_table<B: TableBuilder>(
    dataset: &Dataset,
    next: &NextState,
    compaction_id: &str,
    naming: Naming,
) -> Result<(&'static str, usize, usize), SinkError> {
    let parts = dataset.parts(B::NAME);
    let (small, large): (Vec<&PathBuf>, Vec<&PathBuf>) =
        parts.iter().partition(|part| file_len(part) < SMALL_PART_BYTES);
    let mut after = large.len();
    if small.len() == 1 {
        after += 1;
        next.keep(B::NAME, small[0])?;
    } else if !small.is_empty() {
        let mut writer = PartWriter::<B>::new(&next.table_dir(B::NAME), compaction_id, naming);
        for part in &small {
            for batch in read_part(part, None)? {
                writer.write_batch(&conform::<B>(&batch?, part)?)?;
            }
        }
        after += writer.close(true)?.len();
    }
    for part in large {
        next.keep(B::NAME, part)?;
    }
    Ok((B::NAME, parts.len(), after))
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}
