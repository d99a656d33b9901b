//! The embedded web UI, browser SDK bundle and demo shop.
//!
//! In debug builds rust-embed reads the folders from disk at run time; in
//! release builds they are compiled into the binary. `make build` builds the
//! front-end folders first.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rust_embed::RustEmbed;

use crate::state::AppState;

#[derive(RustEmbed)]
#[folder = "$CARGO_MANIFEST_DIR/../../web/dist"]
#[allow_missing = true]
struct WebAssets;

#[derive(RustEmbed)]
#[folder = "$CARGO_MANIFEST_DIR/../../sdk/dist"]
#[allow_missing = true]
struct SdkAssets;

#[derive(RustEmbed)]
#[folder = "$CARGO_MANIFEST_DIR/../../demo"]
#[allow_missing = true]
struct DemoAssets;

pub fn static_routes() -> Router<AppState> {
    Router::new()
        .route("/sdk/{*path}", get(sdk_file))
        .route("/demo", get(|| async { axum::response::Redirect::permanent("/demo/") }))
        .route("/demo/", get(|| async { demo_file_response("index.html") }))
        .route("/demo/config.js", get(demo_config_script))
        .route("/demo/{*path}", get(|Path(path): Path<String>| async move { demo_file_response(&path) }))
        .fallback(get(web_file))
}

fn file_response<E: RustEmbed>(path: &str, cache_control: &'static str) -> Option<Response> {
    let file = E::get(path)?;
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    Some(
        (
            [(header::CONTENT_TYPE, mime.as_ref().to_owned()), (header::CACHE_CONTROL, cache_control.to_owned())],
            file.data.into_owned(),
        )
            .into_response(),
    )
}

fn not_found_page() -> Response {
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], "<h1>404 Not Found</h1>")
        .into_response()
}

async fn sdk_file(Path(path): Path<String>) -> Response {
    file_response::<SdkAssets>(&path, "no-cache").unwrap_or_else(not_found_page)
}

fn demo_file_response(path: &str) -> Response {
    file_response::<DemoAssets>(path, "no-cache").unwrap_or_else(not_found_page)
}

/// Initializes the SDK on the demo shop with the first project's key.
async fn demo_config_script(State(state): State<AppState>) -> Response {
    let api_key = match state.stores.accounts.list_projects().await {
        Ok(projects) => projects.into_iter().next().map(|project| project.api_key).unwrap_or_default(),
        Err(error) => {
            tracing::error!(error = %error, "cannot read projects for the demo config");
            String::new()
        }
    };
    let api_key_literal = serde_json::to_string(&api_key).unwrap_or_else(|_| "\"\"".into());
    let script = format!(
        "window.REEL_DEMO_API_KEY = {api_key_literal};\nif (window.Reel) {{ Reel.init({{ apiKey: {api_key_literal}, serverUrl: location.origin }}); }}\n"
    );
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], script)
        .into_response()
}

async fn web_file(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    // Only Vite's content-hashed assets may be cached forever.
    let cache_control = if path.starts_with("assets/") { "public, max-age=31536000, immutable" } else { "no-cache" };
    if !path.is_empty()
        && let Some(response) = file_response::<WebAssets>(path, cache_control)
    {
        return response;
    }
    if path.starts_with("assets/") {
        return not_found_page();
    }
    file_response::<WebAssets>("index.html", "no-cache").unwrap_or_else(|| {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "the web UI is not built: run `make build` (npm run build) before starting reel",
        )
            .into_response()
    })
}
