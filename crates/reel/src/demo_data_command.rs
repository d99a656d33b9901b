//! `reel demo-data`: generated analytics events in a data directory, for
//! exploring the charts or measuring them at scale.

use anyhow::Context;
use reel_server::demo_seed::{DemoAnalyticsSize, seed_demo_analytics};
use reel_server::{AppState, Config, ensure_admin_and_project};

use crate::backends::open_embedded_stores;
use crate::cli::DemoDataArguments;

pub async fn store_demo_data(arguments: DemoDataArguments) -> anyhow::Result<()> {
    anyhow::ensure!(arguments.users > 0, "--users must be at least 1, e.g. --users 1000");
    anyhow::ensure!(
        (1..=10_000).contains(&arguments.events_per_user),
        "--events-per-user must be 1 to 10000, e.g. --events-per-user 100"
    );
    anyhow::ensure!((1..=3_660).contains(&arguments.days), "--days must be 1 to 3660, e.g. --days 30");
    let mut config = Config::load(arguments.config.as_deref(), std::env::vars())?;
    if let Some(data_dir) = arguments.data_dir {
        config.data_dir = data_dir;
    }
    let stores = open_embedded_stores(&config.data_dir)?;
    let report = ensure_admin_and_project(&stores, &config).await.context("creating the admin account and project")?;
    let state = AppState::new(stores, config.clone()).context("starting the background threads")?;
    let size =
        DemoAnalyticsSize { users: arguments.users, events_per_user: arguments.events_per_user, days: arguments.days };
    let started = std::time::Instant::now();
    let stored = seed_demo_analytics(&state, size).await.context("storing demo analytics events")?;
    println!(
        "stored {stored} analytics events of {} people over {} days in {} ({:.0} s)",
        arguments.users,
        arguments.days,
        config.data_dir.display(),
        started.elapsed().as_secs_f64()
    );
    if let Some(password) = report.generated_admin_password {
        println!("new data directory: log in as {} with the generated password {password}", report.admin_email);
    }
    Ok(())
}
