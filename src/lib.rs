//! Kabinet: the personal cabinet of a municipal education-services portal.
//!
//! A request flows edge -> http -> app -> store and never back:
//! - [`domain`]: pure types and rules; input is parsed here once;
//! - [`app`]: use cases and authorization;
//! - [`store`]: SQL over the [`ports::Db`] port (D1, or SQLite in tests);
//! - [`http`]: the platform-free axum router;
//! - `edge` (wasm32 only): workerd entry points and the D1/KV/Queue adapters.

pub mod app;
pub mod config;
pub mod domain;
pub mod http;
pub mod ports;
pub mod store;

#[cfg(target_arch = "wasm32")]
mod edge;
