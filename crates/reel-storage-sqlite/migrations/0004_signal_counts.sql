-- Frustration signal counts per session, kept by the signals worker.
ALTER TABLE sessions ADD COLUMN rage_click_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN dead_click_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN error_click_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN thrashed_cursor_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_by_session_and_library ON events (project_id, device_id, session_id, event_type);
