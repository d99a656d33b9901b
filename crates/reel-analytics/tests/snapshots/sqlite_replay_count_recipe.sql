-- SeriesMetrics { series: 0 }, part 0
SELECT (time_ms / 86400000) * 86400000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, json_extract(event_properties, ?1) AS value FROM events WHERE project_id = ?2 AND time_ms >= ?3 AND time_ms < ?4 AND event_type = ?5
-- parameters: ["$.\"[Amplitude] Session Replay ID\"",7,1793491200000,1793620800000,"[Amplitude] Replay Captured"]
-- SeriesMetrics { series: 0 }, part 1
SELECT (time_ms / 86400000) * 86400000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, json_extract(event_properties, ?1) AS value FROM events WHERE project_id = ?2 AND time_ms >= ?3 AND time_ms < ?4 AND event_type = ?5
-- parameters: ["$.\"[Amplitude] Session Replay ID\"",7,1793620800000,1793750400000,"[Amplitude] Replay Captured"]
