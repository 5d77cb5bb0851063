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

impl App {
    /// Today in Moscow: dates of birth and of issue are judged by the
    /// calendar day the user lives in, not by UTC.
    pub fn today(&self) -> chrono::NaiveDate {
        (self.clock.now() + chrono::Duration::hours(3)).date_naive()
    }
}

/// An edit with the version of the record it was based on: a stale one is 409.
#[derive(Debug, serde::Deserialize)]
pub struct Versioned<T> {
    pub version: i64,
    #[serde(flatten)]
    pub data: T,
}
