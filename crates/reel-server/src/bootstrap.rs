//! First start: the admin account and the first project.

use reel_storage::DEFAULT_ORGANIZATION_ID;

use crate::config::Config;
use crate::error::ApiResult;
use crate::secrets::{hash_password, random_token};
use crate::state::Stores;

/// What the first start created, for the binary to print once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BootstrapReport {
    pub admin_email: String,
    /// Set only when the password was generated (print it once).
    pub generated_admin_password: Option<String>,
    pub admin_created: bool,
    pub project_api_key: String,
}

pub async fn ensure_admin_and_project(stores: &Stores, config: &Config) -> ApiResult<BootstrapReport> {
    let mut report = BootstrapReport {
        admin_email: config.admin_email.clone(),
        generated_admin_password: None,
        admin_created: false,
        project_api_key: String::new(),
    };
    if stores.accounts.count_users().await? == 0 {
        let password = match &config.admin_password {
            Some(password) => password.clone(),
            None => {
                let generated = random_token(12);
                report.generated_admin_password = Some(generated.clone());
                generated
            }
        };
        let admin = stores.accounts.create_user(&config.admin_email, &hash_password(&password)?).await?;
        stores.accounts.add_organization_member(DEFAULT_ORGANIZATION_ID, admin.id).await?;
        report.admin_created = true;
    }
    let projects = stores.accounts.list_projects().await?;
    report.project_api_key = match projects.first() {
        Some(project) => project.api_key.clone(),
        None => {
            let api_key = config.project_api_key.clone().unwrap_or_else(|| random_token(16));
            stores.accounts.create_project(DEFAULT_ORGANIZATION_ID, "Demo Shop", &api_key).await?.api_key
        }
    };
    Ok(report)
}
