//! The client's address, from the socket (when the server was started with
//! connect info). Trusted proxies come with the user lookup issue.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

pub struct ClientAddress(pub Option<SocketAddr>);

impl<State: Send + Sync> FromRequestParts<State> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &State) -> Result<Self, Self::Rejection> {
        Ok(Self(parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0)))
    }
}
