//! Storage traits for Reel, and the one conformance suite every backend runs.
//!
//! - [`AccountStore`]: users, login sessions and projects.
//! - [`RecordingIndex`]: the durable write-ahead of ingested batches (open
//!   chunks), the session index, and the index of closed segments.
//! - [`BlobStore`]: segment objects (local files, S3-compatible stores).
//! - [`EventStore`]: analytics events and user profiles.
//!
//! Backends live in their own crates (`reel-storage-*`); only the `reel`
//! binary names them. This crate does no I/O of its own.

mod error;
pub mod records;
pub mod segment_codec;
mod traits;

#[cfg(feature = "testsuite")]
pub mod testsuite;

pub use error::{StorageError, StorageErrorKind, StorageResult};
pub use records::{
    AppendOutcome, ChunkIndexEntry, CohortRecord, EventInsertCounts, ExpiredSession, NewChunk, OpenChunk,
    OrganizationRecord, ProjectRecord, SegmentRecord, SessionFilters, SessionListQuery, SessionPage, UserEventStream,
    UserMatch, UserProfileRecord, UserRecord, UserSearch, UserSearchField,
};
pub use traits::{AccountStore, BlobStore, EventStore, RecordingIndex};

/// The organization every store starts with; it holds the first project.
pub const DEFAULT_ORGANIZATION_ID: i64 = 1;
