//! The storage traits. Every method is documented with its contract; every
//! backend must pass [`crate::testsuite`].

use async_trait::async_trait;
use bytes::Bytes;
use reel_types::{
    CompiledQuery, NewAnalyticsEvent, ProjectSettings, RowConsumer, SessionSummary, SignalCounts, SqlDialect,
    StoredAnalyticsEvent,
};
use serde_json::{Map, Value};

use crate::{
    AppendOutcome, ChunkIndexEntry, CohortRecord, EventInsertCounts, ExpiredSession, NewChunk, OpenChunk,
    OrganizationRecord, ProjectRecord, SegmentRecord, SessionListQuery, SessionPage, StorageResult, UserEventStream,
    UserMatch, UserProfileRecord, UserRecord, UserSearch,
};

/// Users, login sessions and projects.
#[async_trait]
pub trait AccountStore: Send + Sync {
    async fn count_users(&self) -> StorageResult<u64>;
    /// Fails with `Conflict` if the email is taken.
    async fn create_user(&self, email: &str, password_hash: &str) -> StorageResult<UserRecord>;
    async fn find_user_by_email(&self, email: &str) -> StorageResult<Option<UserRecord>>;
    /// Stores a login session under the hash of its token.
    async fn create_login_session(&self, token_hash: &str, user_id: i64, expires_at_ms: i64) -> StorageResult<()>;
    /// The user of an unexpired login session.
    async fn find_login_session_user(&self, token_hash: &str, now_ms: i64) -> StorageResult<Option<UserRecord>>;
    async fn delete_login_session(&self, token_hash: &str) -> StorageResult<()>;
    /// Fails with `Conflict` if the API key is taken.
    async fn create_project(&self, organization_id: i64, name: &str, api_key: &str) -> StorageResult<ProjectRecord>;
    async fn list_projects(&self) -> StorageResult<Vec<ProjectRecord>>;
    async fn find_project_by_api_key(&self, api_key: &str) -> StorageResult<Option<ProjectRecord>>;
    /// Changes the retention of sessions created from now on. `NotFound` if no such project.
    async fn set_project_retention_days(&self, project_id: i64, retention_days: u32) -> StorageResult<ProjectRecord>;
    /// Replaces the project's settings. `NotFound` if no such project.
    async fn set_project_settings(&self, project_id: i64, settings: ProjectSettings) -> StorageResult<ProjectRecord>;
    async fn create_organization(&self, name: &str) -> StorageResult<OrganizationRecord>;
    /// Idempotent.
    async fn add_organization_member(&self, organization_id: i64, user_id: i64) -> StorageResult<()>;
    /// The organizations a user is a member of, by id.
    async fn list_user_organizations(&self, user_id: i64) -> StorageResult<Vec<OrganizationRecord>>;
    async fn create_cohort(
        &self,
        project_id: i64,
        name: &str,
        definition: &serde_json::Value,
        created_at_ms: i64,
    ) -> StorageResult<CohortRecord>;
    /// The cohorts of these projects, by id.
    async fn list_cohorts(&self, project_ids: &[i64]) -> StorageResult<Vec<CohortRecord>>;
    /// Whether there was such a cohort in that project.
    async fn delete_cohort(&self, project_id: i64, cohort_id: i64) -> StorageResult<bool>;
}

/// The durable record of ingested batches and the session index.
#[async_trait]
pub trait RecordingIndex: Send + Sync {
    /// Makes one batch durable and folds its summary into the session index,
    /// atomically. Returns only after the write is durable. A repeated
    /// (session, sequence) returns `Duplicate` and changes nothing.
    async fn append_chunk(&self, chunk: NewChunk) -> StorageResult<AppendOutcome>;
    /// Appends several chunks in one durable write (group commit), with the
    /// same per-chunk semantics as `append_chunk`; all or none are stored.
    async fn append_chunks(&self, chunks: Vec<NewChunk>) -> StorageResult<Vec<AppendOutcome>>;
    /// Sessions of the given projects, newest start first.
    async fn list_sessions(&self, query: SessionListQuery) -> StorageResult<SessionPage>;
    /// One session by its UUID, if it belongs to one of the given projects.
    async fn find_session(&self, session_uuid: &str, project_ids: &[i64]) -> StorageResult<Option<SessionSummary>>;
    /// The capture settings a session started with (`None`: unknown session,
    /// or one stored before sessions kept them).
    async fn session_capture_settings(&self, session_uuid: &str) -> StorageResult<Option<ProjectSettings>>;
    /// The sessions with these uuids in these projects, in the order given;
    /// unknown ones left out.
    async fn find_sessions(&self, session_uuids: &[String], project_ids: &[i64]) -> StorageResult<Vec<SessionSummary>>;
    /// Open chunks of a session overlapping `[from_ms, to_ms)`, by sequence.
    async fn list_open_chunks(&self, session_uuid: &str, from_ms: i64, to_ms: i64) -> StorageResult<Vec<OpenChunk>>;
    /// Closed segments of a session overlapping `[from_ms, to_ms)`, by first sequence.
    async fn list_segments(&self, session_uuid: &str, from_ms: i64, to_ms: i64) -> StorageResult<Vec<SegmentRecord>>;
    /// Sessions whose open chunks should be closed now: the newest open chunk
    /// was received before `idle_since_ms`, or the oldest before `open_since_ms`,
    /// or the open bytes reach `open_bytes_max`.
    async fn sessions_ready_to_close(
        &self,
        idle_since_ms: i64,
        open_since_ms: i64,
        open_bytes_max: u64,
        limit: u32,
    ) -> StorageResult<Vec<String>>;
    /// Records a segment whose blob is already written, and marks the given
    /// open chunks as closed into it, atomically.
    async fn commit_segment(&self, segment: SegmentRecord, closed_chunk_ids: &[i64]) -> StorageResult<()>;
    /// Every batch of a session the index knows (open or closed), by sequence.
    async fn list_chunk_index(&self, session_uuid: &str) -> StorageResult<Vec<ChunkIndexEntry>>;
    /// The start of the latest keyframe at or before `at_ms`, else the earliest keyframe.
    async fn find_keyframe_at_or_before(&self, session_uuid: &str, at_ms: i64) -> StorageResult<Option<i64>>;
    /// Records a server-built keyframe whose blob is already written.
    async fn record_synthetic_keyframe(
        &self,
        session_uuid: &str,
        keyframe_ms: i64,
        blob_key: &str,
    ) -> StorageResult<()>;
    /// The latest server-built keyframe at or before `at_ms`: (time, blob key).
    async fn find_synthetic_keyframe_at_or_before(
        &self,
        session_uuid: &str,
        at_ms: i64,
    ) -> StorageResult<Option<(i64, String)>>;
    /// Sessions whose retention ended before `now_ms`, oldest first; their
    /// blob keys include segments and server-built keyframes.
    async fn list_expired_sessions(&self, now_ms: i64, limit: u32) -> StorageResult<Vec<ExpiredSession>>;
    /// Replaces a session's frustration signal counts.
    async fn set_signal_counts(&self, session_uuid: &str, counts: SignalCounts) -> StorageResult<()>;
    /// Removes a session's index rows, chunks and segment rows (not its blobs).
    async fn delete_session(&self, session_uuid: &str) -> StorageResult<()>;
}

/// Immutable objects addressed by key (segments).
#[async_trait]
pub trait BlobStore: Send + Sync {
    /// Writes the whole object; returns after it is durable.
    async fn put_blob(&self, key: &str, bytes: Bytes) -> StorageResult<()>;
    /// Fails with `NotFound` when there is no such object.
    async fn get_blob(&self, key: &str) -> StorageResult<Bytes>;
    async fn delete_blob(&self, key: &str) -> StorageResult<()>;
}

/// Analytics events (Amplitude semantics) and the user profiles they update.
#[async_trait]
pub trait EventStore: Send + Sync {
    /// Stores the events durably and in order, skipping any whose
    /// (project, insert_id) was stored before, and applies each stored
    /// event's user property operations to its user's profile (keyed by
    /// user id, else device id). Returns after the write is durable.
    async fn insert_events(&self, events: Vec<NewAnalyticsEvent>) -> StorageResult<EventInsertCounts>;
    /// The events of one session, by time then arrival, at most `limit`.
    async fn list_session_events(
        &self,
        project_id: i64,
        device_id: &str,
        session_id: i64,
        limit: u32,
    ) -> StorageResult<Vec<StoredAnalyticsEvent>>;
    /// Deletes a session's events of the given types whose `library` is
    /// `library` (e.g. signals Reel computed, before recomputing them).
    async fn delete_session_events_from_library(
        &self,
        project_id: i64,
        device_id: &str,
        session_id: i64,
        event_types: &[&str],
        library: &str,
    ) -> StorageResult<u64>;
    /// A user's current properties (user id, else device id).
    async fn find_user_properties(&self, project_id: i64, user_key: &str) -> StorageResult<Option<Map<String, Value>>>;
    /// The events of analytics users (the numbers `run_compiled_query` rows
    /// carry) in `[from_ms, to_ms)`, by time, at most `events_per_user_max`
    /// each; users in the order given, those without events left out.
    async fn list_user_events(
        &self,
        project_id: i64,
        user_numbers: &[i64],
        from_ms: i64,
        to_ms: i64,
        events_per_user_max: u32,
    ) -> StorageResult<Vec<UserEventStream>>;
    /// User Lookup: the users matching, newest seen first, at most `limit`.
    async fn search_users(&self, search: UserSearch) -> StorageResult<Vec<UserMatch>>;
    /// A user's profile with their newest `events_max` events; `None` if
    /// the project has no such user.
    async fn user_profile(
        &self,
        project_id: i64,
        user_key: &str,
        events_max: u32,
    ) -> StorageResult<Option<UserProfileRecord>>;
    /// The SQL dialect `run_compiled_query` speaks (reel-analytics compiles to it).
    fn sql_dialect(&self) -> SqlDialect;
    /// Runs one read-only statement compiled by reel-analytics over the
    /// `events` table, streams every row into `consumer` as it is read, and
    /// hands the consumer back. It never writes. Several calls may run at
    /// once (the parts of one scan).
    async fn run_compiled_query(
        &self,
        query: &CompiledQuery,
        consumer: Box<dyn RowConsumer>,
    ) -> StorageResult<Box<dyn RowConsumer>>;
}
