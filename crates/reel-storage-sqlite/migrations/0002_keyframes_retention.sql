-- Keyframes: where a chunk's first keyframe begins, for seeking.
ALTER TABLE chunks ADD COLUMN keyframe_ms INTEGER;
ALTER TABLE chunks ADD COLUMN page_url TEXT;
CREATE INDEX chunks_keyframes ON chunks (session_uuid, keyframe_ms) WHERE keyframe_ms IS NOT NULL;

ALTER TABLE segments ADD COLUMN starts_with_keyframe INTEGER NOT NULL DEFAULT 0;
ALTER TABLE segments ADD COLUMN page_url TEXT;

-- Retention: each session keeps the project's setting from when it was created.
ALTER TABLE projects ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 90;
ALTER TABLE sessions ADD COLUMN retention_days INTEGER NOT NULL DEFAULT 90;
ALTER TABLE sessions ADD COLUMN expires_at_ms INTEGER NOT NULL DEFAULT 9223372036854775807;
CREATE INDEX sessions_by_expiry ON sessions (expires_at_ms);
