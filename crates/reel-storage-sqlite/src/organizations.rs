//! Organizations, their members, and saved cohorts, on SQLite.

use reel_storage::{CohortRecord, OrganizationRecord, StorageError, StorageErrorKind, StorageResult};
use rusqlite::{Connection, params, params_from_iter};

use crate::error::sqlite_error;

pub fn create_organization(connection: &mut Connection, name: String) -> StorageResult<OrganizationRecord> {
    connection
        .execute("INSERT INTO organizations (name) VALUES (?1)", [&name])
        .map_err(|error| sqlite_error("create organization", error))?;
    Ok(OrganizationRecord { id: connection.last_insert_rowid(), name })
}

pub fn add_member(connection: &mut Connection, organization_id: i64, user_id: i64) -> StorageResult<()> {
    connection
        .execute(
            "INSERT OR IGNORE INTO organization_members (organization_id, user_id) VALUES (?1, ?2)",
            params![organization_id, user_id],
        )
        .map(|_| ())
        .map_err(|error| sqlite_error("add organization member", error))
}

pub fn list_user_organizations(connection: &mut Connection, user_id: i64) -> StorageResult<Vec<OrganizationRecord>> {
    let mut statement = connection
        .prepare_cached(
            "SELECT organizations.id, organizations.name FROM organization_members
             JOIN organizations ON organizations.id = organization_members.organization_id
             WHERE organization_members.user_id = ?1 ORDER BY organizations.id",
        )
        .map_err(|error| sqlite_error("list organizations", error))?;
    let rows = statement
        .query_map([user_id], |row| Ok(OrganizationRecord { id: row.get(0)?, name: row.get(1)? }))
        .map_err(|error| sqlite_error("list organizations", error))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list organizations", error))
}

fn cohort_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<CohortRecord> {
    let definition_text: String = row.get(3)?;
    Ok(CohortRecord {
        id: row.get(0)?,
        project_id: row.get(1)?,
        name: row.get(2)?,
        definition: serde_json::from_str(&definition_text).unwrap_or_default(),
        created_at_ms: row.get(4)?,
    })
}

pub fn create_cohort(
    connection: &mut Connection,
    project_id: i64,
    name: String,
    definition: serde_json::Value,
    created_at_ms: i64,
) -> StorageResult<CohortRecord> {
    let definition_text = serde_json::to_string(&definition)
        .map_err(|error| StorageError::with_source(StorageErrorKind::Internal, "encode cohort", error))?;
    connection
        .execute(
            "INSERT INTO cohorts (project_id, name, definition, created_at_ms) VALUES (?1, ?2, ?3, ?4)",
            params![project_id, name, definition_text, created_at_ms],
        )
        .map_err(|error| sqlite_error("create cohort", error))?;
    Ok(CohortRecord { id: connection.last_insert_rowid(), project_id, name, definition, created_at_ms })
}

pub fn list_cohorts(connection: &mut Connection, project_ids: &[i64]) -> StorageResult<Vec<CohortRecord>> {
    if project_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders = vec!["?"; project_ids.len()].join(", ");
    let mut statement = connection
        .prepare(&format!(
            "SELECT id, project_id, name, definition, created_at_ms FROM cohorts WHERE project_id IN ({placeholders}) ORDER BY id"
        ))
        .map_err(|error| sqlite_error("list cohorts", error))?;
    let rows = statement
        .query_map(params_from_iter(project_ids), cohort_from_row)
        .map_err(|error| sqlite_error("list cohorts", error))?;
    rows.collect::<Result<Vec<_>, _>>().map_err(|error| sqlite_error("list cohorts", error))
}

pub fn delete_cohort(connection: &mut Connection, project_id: i64, cohort_id: i64) -> StorageResult<bool> {
    connection
        .execute("DELETE FROM cohorts WHERE id = ?1 AND project_id = ?2", params![cohort_id, project_id])
        .map(|deleted| deleted > 0)
        .map_err(|error| sqlite_error("delete cohort", error))
}
