-- SeriesBuckets { series: 0 }
SELECT CAST(strftime('%s', time_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket_ms, NULL AS group_0, NULL AS group_1, COUNT(DISTINCT COALESCE(user_id, '@' || device_id)) AS uniques, COUNT(*) AS totals, NULL AS extra_0, NULL AS extra_1, NULL AS extra_2 FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3 GROUP BY bucket_ms
-- parameters: [7,1793491200000,1793750400000]
-- SeriesRange { series: 0 }
SELECT NULL AS group_0, NULL AS group_1, COUNT(DISTINCT COALESCE(user_id, '@' || device_id)) AS uniques, COUNT(*) AS totals, NULL AS extra_0, NULL AS extra_1, NULL AS extra_2 FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3
-- parameters: [7,1793491200000,1793750400000]
-- ActiveUsersBuckets
SELECT CAST(strftime('%s', time_ms / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000 AS bucket_ms, COUNT(DISTINCT COALESCE(user_id, '@' || device_id)) AS users FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3 GROUP BY bucket_ms
-- parameters: [7,1793491200000,1793750400000]
-- ActiveUsersRange
SELECT COUNT(DISTINCT COALESCE(user_id, '@' || device_id)) AS users FROM events WHERE project_id = ?1 AND time_ms >= ?2 AND time_ms < ?3
-- parameters: [7,1793491200000,1793750400000]
