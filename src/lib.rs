//! dateline: news articles in, a timeline of contacts and the gaps between them out.

pub mod date;
pub mod eval;
pub mod extract;
pub mod lexicon;
