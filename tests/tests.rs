//! Integration tests: the binary end to end, the Parquet contract, and the
//! bundled example corpus. Fixtures live in `tests/fixtures/` (written for
//! these tests; see its README).

mod boilerplate;
mod corpus;
mod dataset;
mod dict;
mod extract;
mod inputs;
mod recognize;
mod reliability;
mod sink;
mod util;
