-- Frequency { series: 0 }
SELECT group_0, group_1, times, COUNT(*) AS users FROM (SELECT json_extract(event_properties, ?1) AS group_0, NULL AS group_1, COALESCE(user_id, '@' || device_id) AS user_key, COUNT(*) AS times FROM events WHERE project_id = ?2 AND time_ms >= ?3 AND time_ms < ?4 AND event_type = ?5 GROUP BY group_0, user_key) AS per_user GROUP BY group_0, group_1, times
-- parameters: ["$.\"path\"",7,1793491200000,1793750400000,"[Amplitude] Page Viewed"]
