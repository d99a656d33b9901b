-- Analytics events with Amplitude semantics.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    insert_id TEXT,
    event_type TEXT NOT NULL,
    display_name TEXT NOT NULL,
    time_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    user_id TEXT,
    device_id TEXT,
    session_id INTEGER,
    replay_id TEXT,
    event_properties TEXT NOT NULL,
    user_properties TEXT NOT NULL,
    context TEXT NOT NULL,
    UNIQUE (project_id, insert_id)
);
CREATE INDEX events_by_session ON events (project_id, device_id, session_id, time_ms);
CREATE INDEX events_by_project_and_time ON events (project_id, time_ms);

-- Each user's properties after every identify operation so far.
CREATE TABLE user_profiles (
    project_id INTEGER NOT NULL,
    user_key TEXT NOT NULL,
    properties TEXT NOT NULL,
    PRIMARY KEY (project_id, user_key)
);

ALTER TABLE projects ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
