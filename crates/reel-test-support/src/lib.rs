//! Helpers for tests and benchmarks that drive the real `reel` binary over
//! loopback HTTP. Not part of the product.

pub mod http_client;
pub mod keep_alive;
pub mod server_process;

pub use http_client::{HttpAnswer, HttpClientError, http_request};
pub use keep_alive::KeepAliveConnection;
pub use server_process::{ServerProcess, ServerProcessError};
