SELECT user_number AS user_number, time_ms, (CASE WHEN json_extract(event_properties, ?1) IS NOT NULL THEN 2 ELSE 0 END) AS steps_matched, NULL AS group_value FROM events WHERE project_id = ?2 AND event_type = ?3 AND time_ms >= ?4 AND time_ms < ?5
-- parameters: ["$.\"sku\"",7,"Add to Cart",1793491200000,1793754000000]
SELECT user_number AS user_number, time_ms, 1 + (CASE WHEN (instr(lower(CAST(json_extract(event_properties, ?2) AS TEXT)), lower(?3)) > 0) THEN 4 ELSE 0 END) AS steps_matched, json_extract(user_properties, ?1) AS group_value FROM events WHERE project_id = ?4 AND event_type = ?5 AND time_ms >= ?6 AND time_ms < ?7
-- parameters: ["$.\"plan\"","$.\"path\"","checkout",7,"[Amplitude] Page Viewed",1793491200000,1793754000000]
