-- Integer user numbers for analytics scans: counting distinct integers is
-- far cheaper than distinct text keys (docs/analytics-storage.md).
-- A user is the user id, else the device id (as for user profiles).
CREATE TABLE analytics_users (
    user_number INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    user_key TEXT NOT NULL,
    UNIQUE (project_id, user_key)
);
ALTER TABLE events ADD COLUMN user_number INTEGER;
INSERT OR IGNORE INTO analytics_users (project_id, user_key)
    SELECT project_id, COALESCE(user_id, device_id) AS user_key FROM events
    WHERE COALESCE(user_id, device_id) IS NOT NULL
    GROUP BY project_id, user_key ORDER BY MIN(id);
UPDATE events SET user_number = (
    SELECT analytics_users.user_number FROM analytics_users
    WHERE analytics_users.project_id = events.project_id
      AND analytics_users.user_key = COALESCE(events.user_id, events.device_id)
);
-- Chart scans read (event type, time, user) from this index alone.
CREATE INDEX events_for_analytics ON events (project_id, event_type, time_ms, user_number);
-- The Microscope lists one user's events by time.
CREATE INDEX events_by_user ON events (project_id, user_number, time_ms);
