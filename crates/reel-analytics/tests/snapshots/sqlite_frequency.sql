-- Frequency { series: 0 }, part 0
SELECT NULL AS bucket_ms, json_extract(event_properties, ?1) AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?2 AND time_ms >= ?3 AND time_ms < ?4 AND event_type = ?5
-- parameters: ["$.\"path\"",7,1793491200000,1793620800000,"[Amplitude] Page Viewed"]
-- Frequency { series: 0 }, part 1
SELECT NULL AS bucket_ms, json_extract(event_properties, ?1) AS group_0, NULL AS group_1, user_number AS user_number, NULL AS value FROM events WHERE project_id = ?2 AND time_ms >= ?3 AND time_ms < ?4 AND event_type = ?5
-- parameters: ["$.\"path\"",7,1793620800000,1793750400000,"[Amplitude] Page Viewed"]
