//! The conformance suite every backend runs (feature `testsuite`).
//!
//! A backend crate calls each `check_*` function from its own tests with a
//! fresh store. A storage error is returned as is; a violated contract
//! fails an assertion or returns a `violated` error naming what was missing.

mod accounts;
mod blobs;
mod events;
mod recordings;

pub use accounts::check_account_store;
pub use blobs::check_blob_store;
pub use events::check_event_store;
pub use recordings::check_recording_index;

/// The error a conformance check returns when the store breaks its contract.
fn violated(what: &str) -> crate::StorageError {
    crate::StorageError::new(crate::StorageErrorKind::Internal, format!("conformance violated: {what}"))
}
