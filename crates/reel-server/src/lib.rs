//! The Reel HTTP server (axum).
//!
//! It owns the HTTP surface (docs/http-api.md, docs/ingest-protocol.md), the
//! configuration, accounts and login, the segment closer and retention
//! sweeper that run in the background, and the embedded UI, SDK and demo shop. It talks to storage
//! only through the `reel-storage` traits; it never names a backend.

pub mod background_lane;
pub mod bootstrap;
pub mod chunk_writer;
pub mod client_ip;
pub mod config;
pub mod config_sections;
pub mod country_lookup;
pub mod demo_seed;
pub mod error;
pub mod ingest_metrics;
pub mod project_cache;
pub mod recording_gaps;
pub mod recording_reader;
pub mod remote_config;
pub mod replay_captured;
pub mod retention_sweeper;
pub mod routes;
pub mod secrets;
pub mod segment_closer;
pub mod session_capture;
pub mod session_signals;
pub mod signals_worker;
pub mod state;
pub mod synthetic_keyframes;

pub use bootstrap::{BootstrapReport, ensure_admin_and_project};
pub use config::Config;
pub use routes::build_router;
pub use state::{AppState, Stores};

/// Serves until `shutdown` resolves, with the segment closer running beside.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let closer = tokio::spawn(segment_closer::run_segment_closer(state.clone()));
    let sweeper = tokio::spawn(retention_sweeper::run_retention_sweeper(state.clone()));
    let signals = tokio::spawn(signals_worker::run_signals_worker(state.clone()));
    let router = build_router(state);
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let result = axum::serve(listener, service).with_graceful_shutdown(shutdown).await;
    closer.abort();
    sweeper.abort();
    signals.abort();
    result
}
