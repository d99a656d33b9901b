//! The numeric constants of the rrweb event format (rrweb 2.x) that Reel reads.

/// `EventType` values of rrweb events.
pub mod event_type {
    pub const DOM_CONTENT_LOADED: i64 = 0;
    pub const LOAD: i64 = 1;
    pub const FULL_SNAPSHOT: i64 = 2;
    pub const INCREMENTAL_SNAPSHOT: i64 = 3;
    pub const META: i64 = 4;
    pub const CUSTOM: i64 = 5;
    pub const PLUGIN: i64 = 6;
}

/// `IncrementalSource` values, found in `data.source` of incremental snapshots.
pub mod incremental_source {
    pub const MUTATION: i64 = 0;
    pub const MOUSE_MOVE: i64 = 1;
    pub const MOUSE_INTERACTION: i64 = 2;
    pub const SCROLL: i64 = 3;
    pub const VIEWPORT_RESIZE: i64 = 4;
    pub const INPUT: i64 = 5;
}

/// `MouseInteractions` values, found in `data.type` of mouse interactions.
pub mod mouse_interaction {
    pub const CLICK: i64 = 2;
}

/// Tags of the custom events (`type: 5`) that the Reel SDK records.
pub mod custom_tag {
    /// A runtime error caught by `window.onerror` or `unhandledrejection`.
    pub const RUNTIME_ERROR: &str = "reel.error";
}
