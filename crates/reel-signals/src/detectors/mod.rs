//! One detector per file; each is a pure function of the timeline.

pub mod dead_click;
pub mod error_click;
pub mod rage_click;
pub mod thrashed_cursor;

#[cfg(test)]
mod fixture_snapshots;
