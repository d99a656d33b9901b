-- SeriesBuckets { series: 0 }
SELECT (time_ms / 3600000) * 3600000 AS bucket_ms, NULL AS group_0, NULL AS group_1, COUNT(DISTINCT COALESCE(user_id, '@' || device_id)) AS uniques, COUNT(*) AS totals, SUM(CAST(json_extract(event_properties, ?1) AS REAL)) AS extra_0, NULL AS extra_1, NULL AS extra_2 FROM events WHERE project_id = ?2 AND time_ms >= ?3 AND time_ms < ?4 AND event_type = ?5 GROUP BY bucket_ms
-- parameters: ["$.\"amount\"",7,1793491200000,1793750400000,"Purchase"]
-- SeriesRange { series: 0 }
SELECT NULL AS group_0, NULL AS group_1, COUNT(DISTINCT COALESCE(user_id, '@' || device_id)) AS uniques, COUNT(*) AS totals, SUM(CAST(json_extract(event_properties, ?1) AS REAL)) AS extra_0, NULL AS extra_1, NULL AS extra_2 FROM events WHERE project_id = ?2 AND time_ms >= ?3 AND time_ms < ?4 AND event_type = ?5
-- parameters: ["$.\"amount\"",7,1793491200000,1793750400000,"Purchase"]
