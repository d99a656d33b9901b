//! `AccountStore` on SQLite.

use async_trait::async_trait;
use reel_storage::{
    AccountStore, CohortRecord, OrganizationRecord, ProjectRecord, StorageError, StorageErrorKind, StorageResult,
    UserRecord,
};
use reel_types::ProjectSettings;
use rusqlite::types::Value as SqlValue;
use rusqlite::{OptionalExtension, params};

use crate::connection::SqliteStore;
use crate::error::sqlite_error;

fn user_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<UserRecord> {
    Ok(UserRecord { id: row.get(0)?, email: row.get(1)?, password_hash: row.get(2)? })
}

pub(crate) const PROJECT_COLUMNS: &str = "id, name, api_key, retention_days, settings, organization_id";

fn project_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ProjectRecord> {
    let settings_text: String = row.get(4)?;
    Ok(ProjectRecord {
        id: row.get(0)?,
        organization_id: row.get(5)?,
        name: row.get(1)?,
        api_key: row.get(2)?,
        retention_days: row.get(3)?,
        settings: serde_json::from_str(&settings_text).unwrap_or_default(),
    })
}

#[async_trait]
impl AccountStore for SqliteStore {
    async fn count_users(&self) -> StorageResult<u64> {
        self.read(|connection| {
            connection
                .query_row("SELECT COUNT(*) FROM users", [], |row| row.get::<_, i64>(0))
                .map(|count| count as u64)
                .map_err(|error| sqlite_error("count users", error))
        })
        .await
    }

    async fn create_user(&self, email: &str, password_hash: &str) -> StorageResult<UserRecord> {
        let (email, password_hash) = (email.to_owned(), password_hash.to_owned());
        self.write(move |connection| {
            connection
                .execute("INSERT INTO users (email, password_hash) VALUES (?1, ?2)", params![email, password_hash])
                .map_err(|error| sqlite_error("create user", error))?;
            Ok(UserRecord { id: connection.last_insert_rowid(), email, password_hash })
        })
        .await
    }

    async fn find_user_by_email(&self, email: &str) -> StorageResult<Option<UserRecord>> {
        let email = email.to_owned();
        self.read(move |connection| {
            connection
                .query_row("SELECT id, email, password_hash FROM users WHERE email = ?1", [email], user_from_row)
                .optional()
                .map_err(|error| sqlite_error("find user", error))
        })
        .await
    }

    async fn create_login_session(&self, token_hash: &str, user_id: i64, expires_at_ms: i64) -> StorageResult<()> {
        let token_hash = token_hash.to_owned();
        self.write(move |connection| {
            connection
                .execute(
                    "INSERT INTO login_sessions (token_hash, user_id, expires_at_ms) VALUES (?1, ?2, ?3)",
                    params![token_hash, user_id, expires_at_ms],
                )
                .map(|_| ())
                .map_err(|error| sqlite_error("create login session", error))
        })
        .await
    }

    async fn find_login_session_user(&self, token_hash: &str, now_ms: i64) -> StorageResult<Option<UserRecord>> {
        let token_hash = token_hash.to_owned();
        self.read(move |connection| {
            connection
                .query_row(
                    "SELECT users.id, users.email, users.password_hash FROM login_sessions
                     JOIN users ON users.id = login_sessions.user_id
                     WHERE login_sessions.token_hash = ?1 AND login_sessions.expires_at_ms >= ?2",
                    params![token_hash, now_ms],
                    user_from_row,
                )
                .optional()
                .map_err(|error| sqlite_error("find login session", error))
        })
        .await
    }

    async fn delete_login_session(&self, token_hash: &str) -> StorageResult<()> {
        let token_hash = token_hash.to_owned();
        self.write(move |connection| {
            connection
                .execute("DELETE FROM login_sessions WHERE token_hash = ?1", [token_hash])
                .map(|_| ())
                .map_err(|error| sqlite_error("delete login session", error))
        })
        .await
    }

    async fn create_project(&self, organization_id: i64, name: &str, api_key: &str) -> StorageResult<ProjectRecord> {
        let (name, api_key) = (name.to_owned(), api_key.to_owned());
        self.write(move |connection| {
            connection
                .execute(
                    "INSERT INTO projects (name, api_key, organization_id) VALUES (?1, ?2, ?3)",
                    params![name, api_key, organization_id],
                )
                .map_err(|error| sqlite_error("create project", error))?;
            let id = connection.last_insert_rowid();
            connection
                .query_row(&format!("SELECT {PROJECT_COLUMNS} FROM projects WHERE id = ?1"), [id], project_from_row)
                .map_err(|error| sqlite_error("read created project", error))
        })
        .await
    }

    async fn list_projects(&self) -> StorageResult<Vec<ProjectRecord>> {
        self.read(|connection| {
            let mut statement = connection
                .prepare(&format!("SELECT {PROJECT_COLUMNS} FROM projects ORDER BY id"))
                .map_err(|error| sqlite_error("list projects", error))?;
            let rows =
                statement.query_map([], project_from_row).map_err(|error| sqlite_error("list projects", error))?;
            rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list projects", error))
        })
        .await
    }

    async fn find_project_by_api_key(&self, api_key: &str) -> StorageResult<Option<ProjectRecord>> {
        let api_key = api_key.to_owned();
        self.read(move |connection| {
            connection
                .query_row(
                    &format!("SELECT {PROJECT_COLUMNS} FROM projects WHERE api_key = ?1"),
                    [api_key],
                    project_from_row,
                )
                .optional()
                .map_err(|error| sqlite_error("find project", error))
        })
        .await
    }

    async fn set_project_retention_days(&self, project_id: i64, retention_days: u32) -> StorageResult<ProjectRecord> {
        self.update_project_column(project_id, "retention_days", SqlValue::Integer(i64::from(retention_days))).await
    }

    async fn set_project_settings(&self, project_id: i64, settings: ProjectSettings) -> StorageResult<ProjectRecord> {
        let settings_text = serde_json::to_string(&settings)
            .map_err(|error| StorageError::with_source(StorageErrorKind::Internal, "encode settings", error))?;
        self.update_project_column(project_id, "settings", SqlValue::Text(settings_text)).await
    }

    async fn create_organization(&self, name: &str) -> StorageResult<OrganizationRecord> {
        let name = name.to_owned();
        self.write(move |connection| crate::organizations::create_organization(connection, name)).await
    }

    async fn add_organization_member(&self, organization_id: i64, user_id: i64) -> StorageResult<()> {
        self.write(move |connection| crate::organizations::add_member(connection, organization_id, user_id)).await
    }

    async fn list_user_organizations(&self, user_id: i64) -> StorageResult<Vec<OrganizationRecord>> {
        self.read(move |connection| crate::organizations::list_user_organizations(connection, user_id)).await
    }

    async fn create_cohort(
        &self,
        project_id: i64,
        name: &str,
        definition: &serde_json::Value,
        created_at_ms: i64,
    ) -> StorageResult<CohortRecord> {
        let (name, definition) = (name.to_owned(), definition.clone());
        self.write(move |connection| {
            crate::organizations::create_cohort(connection, project_id, name, definition, created_at_ms)
        })
        .await
    }

    async fn list_cohorts(&self, project_ids: &[i64]) -> StorageResult<Vec<CohortRecord>> {
        let project_ids = project_ids.to_vec();
        self.read(move |connection| crate::organizations::list_cohorts(connection, &project_ids)).await
    }

    async fn delete_cohort(&self, project_id: i64, cohort_id: i64) -> StorageResult<bool> {
        self.write(move |connection| crate::organizations::delete_cohort(connection, project_id, cohort_id)).await
    }
}

impl SqliteStore {
    /// Sets one column of a project and reads the project back; `NotFound` if absent.
    async fn update_project_column(
        &self,
        project_id: i64,
        column: &'static str,
        value: SqlValue,
    ) -> StorageResult<ProjectRecord> {
        self.write(move |connection| {
            connection
                .execute(&format!("UPDATE projects SET {column} = ?2 WHERE id = ?1"), params![project_id, value])
                .map_err(|error| sqlite_error("update project", error))?;
            connection
                .query_row(
                    &format!("SELECT {PROJECT_COLUMNS} FROM projects WHERE id = ?1"),
                    [project_id],
                    project_from_row,
                )
                .optional()
                .map_err(|error| sqlite_error("read project", error))?
                .ok_or_else(|| StorageError::new(StorageErrorKind::NotFound, format!("project {project_id}")))
        })
        .await
    }
}
