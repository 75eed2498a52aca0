//! The dictionary file format, in one place: the header every file starts
//! with, and the file names a directory may hold, each with the type and id
//! prefix of its entities, in load order.

use crate::model::EntityType;

/// The header line of every dictionary file.
pub(super) const HEADER: &str = "id\tcanonical\tname_ko\tname_ja\tname_zh\tcountry\taliases";

/// A dictionary file name, with the type and id prefix of its entities.
#[derive(Debug)]
pub(super) struct FileKind {
    /// The file name, such as `organizations.tsv`.
    pub(super) file_name: &'static str,
    /// The type of its entities.
    pub(super) entity_type: EntityType,
    /// The prefix of its ids, such as `org`.
    pub(super) id_prefix: &'static str,
}

/// The dictionary files, in load order.
pub(super) static FILE_KINDS: [FileKind; 6] = [
    FileKind {
        file_name: "organizations.tsv",
        entity_type: EntityType::Organization,
        id_prefix: "org",
    },
    FileKind { file_name: "people.tsv", entity_type: EntityType::Person, id_prefix: "person" },
    FileKind { file_name: "laws.tsv", entity_type: EntityType::Law, id_prefix: "law" },
    FileKind { file_name: "terms.tsv", entity_type: EntityType::Term, id_prefix: "term" },
    FileKind { file_name: "places.tsv", entity_type: EntityType::Place, id_prefix: "place" },
    FileKind { file_name: "products.tsv", entity_type: EntityType::Product, id_prefix: "product" },
];

/// The known file names, for messages: "`organizations.tsv`, `people.tsv`, ...".
pub(super) fn known_file_names() -> String {
    let names: Vec<String> =
        FILE_KINDS.iter().map(|kind| format!("`{}`", kind.file_name)).collect();
    names.join(", ")
}
