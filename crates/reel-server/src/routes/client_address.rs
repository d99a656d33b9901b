//! The client's IP for a request: the socket peer (when the server was
//! started with connect info), or what a trusted proxy forwarded
//! (`network.trusted_proxies`, see crate::client_ip), and its country.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::client_ip::resolve_client_ip;
use crate::state::AppState;

pub struct ClientIp(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
        let forwarded_for: Vec<&str> =
            parts.headers.get_all("x-forwarded-for").iter().filter_map(|value| value.to_str().ok()).collect();
        let trusted = &state.config.network.trusted_proxies;
        Ok(Self(peer.map(|peer| resolve_client_ip(peer, &forwarded_for, trusted))))
    }
}

impl ClientIp {
    pub fn country(&self, state: &AppState) -> Option<String> {
        self.0.and_then(|address| state.country_lookup.country_of(address))
    }
}
