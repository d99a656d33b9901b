//! Mapping rusqlite and I/O errors onto storage error kinds.

use reel_storage::{StorageError, StorageErrorKind};

pub fn sqlite_error(context: &str, error: rusqlite::Error) -> StorageError {
    let kind = match &error {
        rusqlite::Error::SqliteFailure(failure, _) => match failure.code {
            rusqlite::ErrorCode::ConstraintViolation => StorageErrorKind::Conflict,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => StorageErrorKind::Timeout,
            rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase => StorageErrorKind::Corrupt,
            rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::DiskFull => StorageErrorKind::Unavailable,
            _ => StorageErrorKind::Internal,
        },
        _ => StorageErrorKind::Internal,
    };
    StorageError::with_source(kind, format!("sqlite: {context}"), error)
}

pub fn io_error(context: &str, error: std::io::Error) -> StorageError {
    let kind = match error.kind() {
        std::io::ErrorKind::NotFound => StorageErrorKind::NotFound,
        std::io::ErrorKind::TimedOut => StorageErrorKind::Timeout,
        _ => StorageErrorKind::Unavailable,
    };
    StorageError::with_source(kind, context.to_string(), error)
}

pub fn task_error(error: tokio::task::JoinError) -> StorageError {
    StorageError::with_source(StorageErrorKind::Internal, "a storage task failed", error)
}
