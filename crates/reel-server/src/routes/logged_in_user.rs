//! The extractor that requires a login cookie.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use reel_storage::UserRecord;

use crate::error::ApiError;
use crate::secrets::hash_token;
use crate::state::{AppState, now_ms};

pub const LOGIN_COOKIE_NAME: &str = "reel_session";

/// A request made by a logged-in user.
pub struct LoggedInUser {
    pub user: UserRecord,
    pub token_hash: String,
}

impl FromRequestParts<AppState> for LoggedInUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = login_cookie_value(parts).ok_or(ApiError::NotLoggedIn)?;
        let token_hash = hash_token(&token);
        let user =
            state.stores.accounts.find_login_session_user(&token_hash, now_ms()).await?.ok_or(ApiError::NotLoggedIn)?;
        Ok(Self { user, token_hash })
    }
}

fn login_cookie_value(parts: &Parts) -> Option<String> {
    for header_value in parts.headers.get_all(axum::http::header::COOKIE) {
        let Ok(text) = header_value.to_str() else { continue };
        for pair in text.split(';') {
            if let Some((name, value)) = pair.trim().split_once('=')
                && name == LOGIN_COOKIE_NAME
                && !value.is_empty()
            {
                return Some(value.to_owned());
            }
        }
    }
    None
}
