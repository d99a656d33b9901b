use super::violated;
use crate::StorageResult;
use crate::{AccountStore, DEFAULT_ORGANIZATION_ID, StorageErrorKind};

/// Users, login sessions and projects behave as the trait documents.
pub async fn check_account_store(store: &dyn AccountStore) -> StorageResult<()> {
    assert_eq!(store.count_users().await?, 0);
    let user = store.create_user("admin@localhost", "hash-1").await?;
    assert_eq!(store.count_users().await?, 1);
    let duplicate =
        store.create_user("admin@localhost", "hash-2").await.err().ok_or_else(|| violated("an error was expected"))?;
    assert_eq!(duplicate.kind, StorageErrorKind::Conflict);
    let found =
        store.find_user_by_email("admin@localhost").await?.ok_or_else(|| violated("a stored record is missing"))?;
    assert_eq!(found.id, user.id);
    assert_eq!(found.password_hash, "hash-1");
    assert!(store.find_user_by_email("nobody@localhost").await?.is_none());

    store.create_login_session("token-hash", user.id, 2_000).await?;
    let logged_in = store.find_login_session_user("token-hash", 1_000).await?;
    assert_eq!(logged_in.map(|user| user.id), Some(user.id));
    assert!(store.find_login_session_user("token-hash", 2_001).await?.is_none(), "expired session");
    assert!(store.find_login_session_user("other-hash", 1_000).await?.is_none());
    store.delete_login_session("token-hash").await?;
    assert!(store.find_login_session_user("token-hash", 1_000).await?.is_none());

    let project = store.create_project(DEFAULT_ORGANIZATION_ID, "Demo", "key-1").await?;
    let second = store.create_project(DEFAULT_ORGANIZATION_ID, "Other", "key-2").await?;
    assert_ne!(project.id, second.id);
    let conflict = store
        .create_project(DEFAULT_ORGANIZATION_ID, "Third", "key-1")
        .await
        .err()
        .ok_or_else(|| violated("an error was expected"))?;
    assert_eq!(conflict.kind, StorageErrorKind::Conflict);
    let projects = store.list_projects().await?;
    assert_eq!(projects.iter().map(|project| project.api_key.as_str()).collect::<Vec<_>>(), ["key-1", "key-2"]);
    assert_eq!(store.find_project_by_api_key("key-2").await?.map(|found| found.id), Some(second.id));
    assert!(store.find_project_by_api_key("key-3").await?.is_none());
    assert_eq!(project.retention_days, 90, "90 days by default");
    let changed = store.set_project_retention_days(project.id, 30).await?;
    assert_eq!(changed.retention_days, 30);
    assert_eq!(
        store
            .find_project_by_api_key("key-1")
            .await?
            .ok_or_else(|| violated("a stored record is missing"))?
            .retention_days,
        30
    );
    let missing =
        store.set_project_retention_days(999, 30).await.err().ok_or_else(|| violated("an error was expected"))?;
    assert_eq!(missing.kind, StorageErrorKind::NotFound);
    assert_eq!(project.settings, reel_types::ProjectSettings::default());
    let settings = reel_types::ProjectSettings {
        replay_sample_rate: 0.25,
        privacy_level: "conservative".into(),
        ..reel_types::ProjectSettings::default()
    };
    let changed = store.set_project_settings(project.id, settings.clone()).await?;
    assert_eq!(changed.settings, settings);
    assert_eq!(
        store.find_project_by_api_key("key-1").await?.ok_or_else(|| violated("a stored record is missing"))?.settings,
        settings
    );
    assert_eq!(store.list_projects().await?[1].settings, reel_types::ProjectSettings::default(), "only that project");
    assert_eq!(
        store.set_project_settings(999, settings).await.err().ok_or_else(|| violated("an error was expected"))?.kind,
        StorageErrorKind::NotFound
    );
    check_organizations(store, user.id).await?;
    check_cohorts(store, project.id, second.id).await
}

/// Organization 1, the default, always exists; members see their organizations.
async fn check_organizations(store: &dyn AccountStore, user_id: i64) -> StorageResult<()> {
    let acme = store.create_organization("Acme").await?;
    assert_ne!(acme.id, DEFAULT_ORGANIZATION_ID);
    let acme_project = store.create_project(acme.id, "Acme web", "key-acme").await?;
    assert_eq!(acme_project.organization_id, acme.id);
    assert_eq!(store.list_projects().await?[0].organization_id, DEFAULT_ORGANIZATION_ID);
    assert!(store.list_user_organizations(user_id).await?.is_empty(), "no membership yet");
    store.add_organization_member(acme.id, user_id).await?;
    store.add_organization_member(acme.id, user_id).await?;
    assert_eq!(store.list_user_organizations(user_id).await?, vec![acme.clone()], "adding twice is one membership");
    store.add_organization_member(DEFAULT_ORGANIZATION_ID, user_id).await?;
    let organizations = store.list_user_organizations(user_id).await?;
    assert_eq!(organizations.iter().map(|organization| organization.id).collect::<Vec<_>>(), [1, acme.id]);
    Ok(())
}

async fn check_cohorts(store: &dyn AccountStore, project_id: i64, other_project_id: i64) -> StorageResult<()> {
    let definition = serde_json::json!({"performed": [{"event_type": "Purchase Completed"}]});
    let cohort = store.create_cohort(project_id, "Buyers", &definition, 5).await?;
    assert_eq!((cohort.name.as_str(), &cohort.definition, cohort.created_at_ms), ("Buyers", &definition, 5));
    let other = store.create_cohort(other_project_id, "Others", &definition, 6).await?;
    assert_eq!(store.list_cohorts(&[project_id]).await?, vec![cohort.clone()]);
    assert_eq!(store.list_cohorts(&[project_id, other_project_id]).await?, vec![cohort.clone(), other]);
    assert!(store.list_cohorts(&[]).await?.is_empty());
    assert!(!store.delete_cohort(other_project_id, cohort.id).await?, "a cohort is deleted only from its project");
    assert!(store.delete_cohort(project_id, cohort.id).await?);
    assert!(store.list_cohorts(&[project_id]).await?.is_empty());
    Ok(())
}
