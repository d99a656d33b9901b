//! The storage error: a kind callers can branch on, plus the source.

use thiserror::Error;

/// What went wrong, independent of which backend failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageErrorKind {
    NotFound,
    Unavailable,
    Timeout,
    Conflict,
    /// Stored bytes could not be decoded.
    Corrupt,
    Internal,
}

#[derive(Debug, Error)]
#[error("storage error ({kind:?}): {message}")]
pub struct StorageError {
    pub kind: StorageErrorKind,
    pub message: String,
    #[source]
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl StorageError {
    pub fn new(kind: StorageErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), source: None }
    }

    pub fn with_source(
        kind: StorageErrorKind,
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Self { kind, message: message.into(), source: Some(Box::new(source)) }
    }
}

pub type StorageResult<T> = Result<T, StorageError>;
