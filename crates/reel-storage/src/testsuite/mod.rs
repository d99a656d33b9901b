//! The conformance suite every backend runs (feature `testsuite`).
//!
//! A backend crate calls each `check_*` function from its own tests with a
//! fresh store. The functions panic with a message on the first violation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod blobs;
mod events;
mod recordings;

pub use accounts::check_account_store;
pub use blobs::check_blob_store;
pub use events::check_event_store;
pub use recordings::check_recording_index;
