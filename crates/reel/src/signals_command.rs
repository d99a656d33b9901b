//! `reel signals recompute`: runs the frustration detectors again over stored
//! sessions, after a rule change or a change of thresholds.

use anyhow::Context;
use reel_server::session_signals::recompute_session_signals;
use reel_server::{AppState, Config};
use reel_storage::{SessionFilters, SessionListQuery};
use reel_types::parse_date_to_epoch_ms;

use crate::backends::open_embedded_stores;
use crate::cli::RecomputeArguments;

pub async fn recompute(arguments: RecomputeArguments) -> anyhow::Result<()> {
    let mut config = Config::load(arguments.config.as_deref(), std::env::vars())?;
    if let Some(data_dir) = arguments.data_dir {
        config.data_dir = data_dir;
    }
    let since_ms = match &arguments.since {
        Some(text) => Some(parse_date_to_epoch_ms(text).with_context(|| {
            format!("--since {text:?} is not a date: write it as YYYY-MM-DD, e.g. --since 2026-11-01")
        })?),
        None => None,
    };
    anyhow::ensure!(
        config.data_dir.join("reel.sqlite3").exists(),
        "no Reel data in {}: pass the server's --data-dir",
        config.data_dir.display()
    );
    let stores = open_embedded_stores(&config.data_dir)?;
    let projects = stores.accounts.list_projects().await?;
    let project_ids: Vec<i64> = match arguments.project {
        Some(project_id) => {
            anyhow::ensure!(
                projects.iter().any(|project| project.id == project_id),
                "there is no project {project_id}; the projects are {:?}",
                projects.iter().map(|project| project.id).collect::<Vec<_>>()
            );
            vec![project_id]
        }
        None => projects.iter().map(|project| project.id).collect(),
    };
    let state = AppState::new(stores, config).context("starting the background threads")?;
    let (mut sessions_done, mut signals_stored) = (0_usize, 0_usize);
    let mut cursor = None;
    loop {
        let query = SessionListQuery {
            project_ids: project_ids.clone(),
            limit: 200,
            cursor,
            filters: SessionFilters::default(),
        };
        let page = state.stores.recordings.list_sessions(query).await?;
        for session in
            page.sessions.iter().filter(|session| since_ms.is_none_or(|since_ms| session.start_time_ms >= since_ms))
        {
            signals_stored += recompute_session_signals(&state, session)
                .await
                .with_context(|| format!("recomputing session {}", session.id))?;
            sessions_done += 1;
        }
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    println!("recomputed signals/v1 for {sessions_done} sessions: {signals_stored} signals stored");
    Ok(())
}
