//! Amplitude's wire protocol (shared/specs/amplitude-compat.md): the HTTP
//! API v2 analytics body, the replay track body, user agents and display names.
//! Pure: the server maps outcomes to Amplitude's answers.

pub mod display_name;
pub mod http_api;
pub mod track;
pub mod user_agent;
