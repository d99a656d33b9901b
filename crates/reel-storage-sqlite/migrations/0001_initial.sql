CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL
);

CREATE TABLE login_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    expires_at_ms INTEGER NOT NULL
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    api_key TEXT NOT NULL UNIQUE
);

CREATE TABLE sessions (
    uuid TEXT PRIMARY KEY,
    project_id INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    session_id INTEGER NOT NULL,
    user_id TEXT,
    start_time_ms INTEGER NOT NULL,
    end_time_ms INTEGER NOT NULL,
    first_url TEXT,
    first_url_sequence INTEGER,
    last_url TEXT,
    page_count INTEGER NOT NULL DEFAULT 0,
    click_count INTEGER NOT NULL DEFAULT 0,
    error_count INTEGER NOT NULL DEFAULT 0,
    event_count INTEGER NOT NULL DEFAULT 0,
    batch_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_project_and_start ON sessions (project_id, start_time_ms DESC, uuid DESC);

-- One row per accepted batch. `payload` holds the batch while it is open;
-- once closed into a segment the payload is cleared and the row stays, so a
-- repeated (session, sequence) is still recognized.
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    session_uuid TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    first_event_ms INTEGER NOT NULL,
    last_event_ms INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    byte_size INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    payload BLOB,
    segment_id INTEGER,
    UNIQUE (session_uuid, sequence)
);
CREATE INDEX chunks_open_by_session ON chunks (session_uuid, sequence) WHERE segment_id IS NULL;

CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    session_uuid TEXT NOT NULL,
    blob_key TEXT NOT NULL,
    first_sequence INTEGER NOT NULL,
    last_sequence INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    byte_size INTEGER NOT NULL
);
CREATE INDEX segments_by_session ON segments (session_uuid, first_sequence);
