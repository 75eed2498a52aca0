//! A table's columns, declared once: each column's kind gives its Arrow
//! builder and its field, and `table!` turns an ordered list of columns
//! into a row builder implementing [`TableBuilder`](super::tables::TableBuilder):
//! the struct, its schema, how it counts what it buffers and how it makes a
//! batch.

use std::sync::Arc;

use arrow_array::ArrayRef;
use arrow_array::builder::{
    ArrayBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_schema::{DataType, Field, TimeUnit};

/// What a column holds: its Arrow builder and field.
pub(super) trait ColumnKind {
    /// The builder its values are appended to.
    type Builder: ArrayBuilder + Default;
    /// The column's field in the table's schema.
    fn field(name: &str) -> Field;
    /// Bytes of string data buffered in `builder`.
    fn string_bytes(_builder: &Self::Builder) -> usize {
        0
    }
    /// The buffered values as an array of the field's type; resets `builder`.
    fn finish(builder: &mut Self::Builder) -> ArrayRef {
        builder.finish()
    }
}

/// A UTF-8 string, never null.
pub(super) struct Text;
/// A UTF-8 string or null.
pub(super) struct OptText;
/// A 64-bit integer, never null.
pub(super) struct Int;
/// A 64-bit integer or null.
pub(super) struct OptInt;
/// A 64-bit float or null.
pub(super) struct OptFloat;
/// A date (days since 1970-01-01) or null.
pub(super) struct OptDate;
/// A list of strings, never null.
pub(super) struct TextList;
/// A UTC timestamp in microseconds, never null.
pub(super) struct Timestamp;

impl ColumnKind for Text {
    type Builder = StringBuilder;
    fn field(name: &str) -> Field {
        Field::new(name, DataType::Utf8, false)
    }
    fn string_bytes(builder: &StringBuilder) -> usize {
        builder.values_slice().len()
    }
}

impl ColumnKind for OptText {
    type Builder = StringBuilder;
    fn field(name: &str) -> Field {
        Field::new(name, DataType::Utf8, true)
    }
    fn string_bytes(builder: &StringBuilder) -> usize {
        builder.values_slice().len()
    }
}

impl ColumnKind for Int {
    type Builder = Int64Builder;
    fn field(name: &str) -> Field {
        Field::new(name, DataType::Int64, false)
    }
}

impl ColumnKind for OptInt {
    type Builder = Int64Builder;
    fn field(name: &str) -> Field {
        Field::new(name, DataType::Int64, true)
    }
}

impl ColumnKind for OptFloat {
    type Builder = Float64Builder;
    fn field(name: &str) -> Field {
        Field::new(name, DataType::Float64, true)
    }
}

impl ColumnKind for OptDate {
    type Builder = Date32Builder;
    fn field(name: &str) -> Field {
        Field::new(name, DataType::Date32, true)
    }
}

impl ColumnKind for TextList {
    type Builder = ListBuilder<StringBuilder>;
    fn field(name: &str) -> Field {
        let item = Arc::new(Field::new("item", DataType::Utf8, true));
        Field::new(name, DataType::List(item), false)
    }
    fn string_bytes(builder: &Self::Builder) -> usize {
        builder.values_ref().values_slice().len()
    }
}

impl ColumnKind for Timestamp {
    type Builder = TimestampMicrosecondBuilder;
    fn field(name: &str) -> Field {
        Field::new(name, DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())), false)
    }
    fn finish(builder: &mut Self::Builder) -> ArrayRef {
        Arc::new(builder.finish().with_timezone("UTC"))
    }
}

/// Declares a table's row builder from its name, its dictionary-encoded
/// columns and its columns in order (`name: Kind`), with an optional
/// `run_id` field that keeps the run's id for a `run_id` column:
///
/// ```ignore
/// table! {
///     /// Rows of the `errors` table.
///     ErrorsBuilder("errors"), dictionary ["source"], keeps run_id {
///         source: Text,
///         line: OptInt,
///     }
/// }
/// ```
macro_rules! table {
    (
        $(#[$meta:meta])*
        $builder:ident($name:literal), dictionary [$($dictionary:literal),*]
        $(, keeps $run_id:ident)? {
            $($column:ident: $kind:ident),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Default)]
        pub struct $builder {
            $($column: <$kind as ColumnKind>::Builder,)+
            $($run_id: String,)?
        }

        impl TableBuilder for $builder {
            const NAME: &'static str = $name;
            const DICTIONARY_COLUMNS: &'static [&'static str] = &[$($dictionary),*];

            fn schema() -> SchemaRef {
                Arc::new(Schema::new(vec![$(<$kind as ColumnKind>::field(stringify!($column))),+]))
            }

            fn new(run_id: &str) -> Self {
                let _ = run_id;
                Self { $($run_id: run_id.to_owned(),)? ..Self::default() }
            }

            fn buffered_rows(&self) -> usize {
                [$(ArrayBuilder::len(&self.$column)),+][0]
            }

            fn buffered_bytes(&self) -> usize {
                0 $(+ <$kind as ColumnKind>::string_bytes(&self.$column))+
            }

            fn finish(&mut self) -> RecordBatch {
                let columns = vec![$(<$kind as ColumnKind>::finish(&mut self.$column)),+];
                RecordBatch::try_new(Self::schema(), columns).expect("builders match their schema")
            }
        }
    };
}

pub(super) use table;
