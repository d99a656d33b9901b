//! `reel`: self-hosted session replay in one binary.
//!
//! This is the only place where concrete storage backends are named.

mod backends;
mod cli;
mod demo_data_command;
mod signals_command;

use anyhow::Context;
use clap::Parser;
use reel_server::{AppState, Config, demo_seed, ensure_admin_and_project};

use crate::cli::{Cli, Command, ServeArguments, SignalsCommand};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,tower_http=warn".into()),
        )
        .init();
    match cli.command {
        Command::Serve(arguments) => serve(arguments).await,
        Command::Signals(SignalsCommand::Recompute(arguments)) => signals_command::recompute(arguments).await,
        Command::DemoData(arguments) => demo_data_command::store_demo_data(arguments).await,
    }
}

async fn serve(arguments: ServeArguments) -> anyhow::Result<()> {
    let mut config = Config::load(arguments.config.as_deref(), std::env::vars())?;
    if let Some(data_dir) = arguments.data_dir {
        config.data_dir = data_dir;
    }
    if let Some(listen) = arguments.listen {
        config.listen_address = listen;
    }
    let stores = backends::open_embedded_stores(&config.data_dir)?;
    let report = ensure_admin_and_project(&stores, &config).await.context("creating the admin account and project")?;
    let listener = tokio::net::TcpListener::bind(&config.listen_address).await.with_context(|| {
        format!(
            "cannot listen on {}: choose another address with --listen HOST:PORT or REEL_LISTEN_ADDRESS",
            config.listen_address
        )
    })?;
    let local_address = listener.local_addr()?;
    let base_url = format!("http://{local_address}");
    let state = AppState::new(stores, config.clone()).context("starting the background threads")?;
    if arguments.demo_data {
        let seeded = demo_seed::seed_demo_sessions(&state, &base_url, 6).await.context("seeding demo sessions")?;
        if seeded > 0 {
            tracing::info!(sessions = seeded, "stored demo sessions");
        }
        let events = demo_seed::seed_demo_analytics(&state, demo_seed::DEMO_ANALYTICS_SIZE)
            .await
            .context("storing demo analytics events")?;
        if events > 0 {
            tracing::info!(events, "stored demo analytics events");
        }
    }
    print_welcome(&base_url, &config, &report);
    reel_server::serve(listener, state, shutdown_signal()).await?;
    Ok(())
}

fn print_welcome(base_url: &str, config: &Config, report: &reel_server::BootstrapReport) {
    println!();
    println!("  Reel is running at {base_url}/");
    println!("  Demo shop:          {base_url}/demo/");
    println!("  Data directory:     {}", config.data_dir.display());
    println!("  Login:              {}", report.admin_email);
    match (&report.generated_admin_password, report.admin_created) {
        (Some(password), _) => println!("  Password:           {password}   (generated; shown only this once)"),
        (None, true) => println!("  Password:           from REEL_ADMIN_PASSWORD"),
        (None, false) => println!("  Password:           as set on first start"),
    }
    println!("  Project API key:    {}", report.project_api_key);
    println!();
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
