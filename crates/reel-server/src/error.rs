//! `ApiError`: the one place where failures become HTTP answers.
//!
//! Every error answer is `{"error":{"code","message"}}`. Internal details are
//! logged, never sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use reel_ingest::{IngestRejection, RejectionKind};
use reel_storage::{StorageError, StorageErrorKind};
use serde_json::json;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ApiError {
    #[error("{0}")]
    Rejected(#[from] IngestRejection),
    #[error(
        "missing API key: send it as `Authorization: Bearer <key>`, the api_key query parameter or the api_key body field"
    )]
    MissingApiKey,
    #[error("unknown API key: copy the project's key from the Reel UI or GET /api/v1/projects")]
    UnknownApiKey,
    #[error("not logged in: POST /api/v1/login first")]
    NotLoggedIn,
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("{0}")]
    BadRequest(String),
    /// An analytics query that cannot run as asked; the message names the field.
    #[error("{0}")]
    InvalidQuery(String),
    #[error(
        "the chart has more than {0} rows (analytics.rows_max): filter more, or group by a property with fewer values"
    )]
    QueryTooLarge(usize),
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("the server is busy (ingest.in_flight_requests_max); retry after a second")]
    Overloaded,
    #[error("storage failed")]
    Storage(#[from] StorageError),
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::Rejected(rejection) => match rejection.kind {
                RejectionKind::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, rejection.kind.code()),
                _ => (StatusCode::BAD_REQUEST, rejection.kind.code()),
            },
            Self::MissingApiKey => (StatusCode::UNAUTHORIZED, "missing_api_key"),
            Self::UnknownApiKey => (StatusCode::UNAUTHORIZED, "unknown_api_key"),
            Self::NotLoggedIn => (StatusCode::UNAUTHORIZED, "not_logged_in"),
            Self::InvalidCredentials => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::InvalidQuery(_) => (StatusCode::BAD_REQUEST, "invalid_query"),
            Self::QueryTooLarge(_) => (StatusCode::BAD_REQUEST, "query_too_large"),
            Self::Overloaded => (StatusCode::SERVICE_UNAVAILABLE, "overloaded"),
            Self::NotFound("session") => (StatusCode::NOT_FOUND, "session_not_found"),
            Self::NotFound("project") => (StatusCode::NOT_FOUND, "project_not_found"),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Self::Storage(error) => match error.kind {
                StorageErrorKind::Timeout | StorageErrorKind::Unavailable => {
                    (StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable")
                }
                _ => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
            },
            Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if status.is_server_error() && !matches!(self, Self::Overloaded) {
            tracing::error!(error = ?self, "request failed");
        }
        let body = json!({ "error": { "code": code, "message": self.to_string() } });
        if matches!(self, Self::Overloaded) {
            return (status, [(axum::http::header::RETRY_AFTER, "1")], Json(body)).into_response();
        }
        (status, Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
