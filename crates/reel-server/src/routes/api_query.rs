//! Query-string parameters whose errors answer in the API's JSON error
//! shape (axum's own `Query` answers plain text).

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, State: Send + Sync> FromRequestParts<State> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &State) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::BadRequest(format!("invalid query parameters: {}", rejection.body_text()))),
        }
    }
}
