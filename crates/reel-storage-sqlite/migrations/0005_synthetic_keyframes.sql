-- Keyframes built on the server (Meta + FullSnapshot of the mirrored DOM),
-- for recordings whose SDK takes no periodic full snapshot.
CREATE TABLE synthetic_keyframes (
    session_uuid TEXT NOT NULL,
    keyframe_ms INTEGER NOT NULL,
    blob_key TEXT NOT NULL,
    PRIMARY KEY (session_uuid, keyframe_ms)
);
