//! One detector per file; each is a pure function of the timeline.

pub mod dead_click;
pub mod error_click;
pub mod rage_click;
pub mod thrashed_cursor;

// Each detector's fixtures and reviewed output: tests/detector_fixtures.rs.
