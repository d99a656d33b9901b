-- SeriesMetrics { series: 0 }, part 0
SELECT CAST(strftime('%s', time_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3
-- parameters: [7,1793491200000,1793620800000]
-- SeriesMetrics { series: 0 }, part 1
SELECT CAST(strftime('%s', time_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3
-- parameters: [7,1793620800000,1793750400000]
-- ActiveUsers, part 0
SELECT CAST(strftime('%s', time_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3
-- parameters: [7,1793491200000,1793620800000]
-- ActiveUsers, part 1
SELECT CAST(strftime('%s', time_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket_ms, NULL AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3
-- parameters: [7,1793620800000,1793750400000]
