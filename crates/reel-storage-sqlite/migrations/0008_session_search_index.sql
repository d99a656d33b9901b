-- The Session Replays list filters and sorts a date range of sessions by
-- their counts, duration, country and user: this index holds all of those,
-- so a search reads it alone and never the rows (docs/benchmarks.md,
-- session_list_1m_p95_ms: sorting a month of a million sessions by
-- duration went from 530 ms to tens of ms).
CREATE INDEX sessions_for_search ON sessions (
    project_id, start_time_ms, end_time_ms, click_count, error_count, error_click_count,
    rage_click_count, dead_click_count, thrashed_cursor_count, country, user_id, device_id, session_id, uuid
);
