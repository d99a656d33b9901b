//! One module per pipeline step, in the order of [`crate::PIPELINE_STEPS`].

pub mod correct_clock;
pub mod decompress;
pub mod drop_console;
pub mod drop_invalid;
pub mod parse;
pub mod summarize;
pub mod validate;
