//! geokg: news articles in, a knowledge graph of coded geopolitical events out.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! ingest -> nlp -> extract -> store -> graph -> render
//! files     sentences  events   SQLite   petgraph  DOT / SVG / PNG
//! ```
//!
//! [`dict`] holds the knowledge every stage looks up (actors, verbs, codes), loaded from
//! `data/` and user dictionary files; [`eval`] scores extraction against gold records.

pub mod dict;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod model;
pub mod nlp;
pub mod pipeline;
pub mod render;
pub mod store;

pub use extract::{ExtractOptions, Extractor};
pub use model::{ActorKind, ActorRef, Document, Event, Extraction, Modality, Plover};
pub use store::Store;
