//! Black-box tests of the HTTP API against the real embedded store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod amplitude_bad_input;
mod amplitude_fixtures;
mod analytics_funnel;
mod analytics_microscope;
mod analytics_segmentation;
mod analytics_sessions_journeys;
mod capture_settings;
mod demo_analytics;
mod ingest_bad_input;
mod ingest_storage;
mod journey;
mod long_sessions;
mod organizations;
mod retention;
mod seeking;
mod session_search;
mod signals;
mod support;
mod synthetic_keyframes;
mod user_lookup;
