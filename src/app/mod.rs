//! Use cases, one module per capability. Authorization is decided here, once
//! per use case; nothing here knows about HTTP or wasm.

pub mod auth;
pub mod children;
pub mod cron;
pub mod dev_idp;
pub mod error;
pub mod jobs;
pub mod me;
pub mod oidc;
pub mod profile;
pub mod session;

use std::sync::Arc;

pub use error::Error;

use crate::config::Config;
use crate::ports::{Clock, Db, HttpClient, Jobs, Kv};

/// The ports and settings every use case works with; built once per request
/// on workerd (bindings live in the request's `Env`), once per test natively.
#[derive(Clone)]
pub struct App {
    pub db: Arc<dyn Db>,
    pub kv: Arc<dyn Kv>,
    pub jobs: Arc<dyn Jobs>,
    pub clock: Arc<dyn Clock>,
    pub http: Arc<dyn HttpClient>,
    pub config: Config,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
