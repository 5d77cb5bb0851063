//! Native integration tests: the whole router over SQLite and in-memory ports.

#[path = "native/support.rs"]
mod support;

#[path = "native/api.rs"]
mod api;
#[path = "native/auth.rs"]
mod auth;
#[path = "native/children.rs"]
mod children;
#[path = "native/jobs.rs"]
mod jobs;
#[path = "native/profile.rs"]
mod profile;
#[path = "native/schema.rs"]
mod schema;
