-- SeriesMetrics { series: 0 }, part 0
SELECT (time_ms / 86400000) * 86400000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3 AND event_type = ?4
-- parameters: [7,1793491200000,1793620800000,"[Amplitude] Page Viewed"]
-- SeriesMetrics { series: 0 }, part 1
SELECT (time_ms / 86400000) * 86400000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3 AND event_type = ?4
-- parameters: [7,1793620800000,1793750400000,"[Amplitude] Page Viewed"]
