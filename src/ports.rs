//! The ports: what the core needs from the platform. `edge/` implements them
//! over D1, KV, Queues and fetch on workerd; `tests/support` implements them
//! in memory over SQLite for the native tests. Nothing here knows about wasm.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// One row as column name -> JSON value (INTEGER -> number, TEXT -> string, NULL -> null).
pub type Row = Map<String, Value>;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// A UNIQUE or CHECK or FOREIGN KEY constraint refused the write.
    #[error("constraint failed: {0}")]
    Constraint(String),
    #[error("database error: {0}")]
    Other(String),
}

/// One SQL statement with its positional (`?1`, `?2`...) parameters.
#[derive(Debug, Clone)]
pub struct Stmt {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Stmt {
    pub fn new(sql: impl Into<String>, params: Vec<Value>) -> Self {
        Self {
            sql: sql.into(),
            params,
        }
    }
}

/// SQL database (D1 in production, SQLite in tests). The same SQL runs on both.
#[async_trait]
pub trait Db: Send + Sync {
    async fn query(&self, stmt: Stmt) -> Result<Vec<Row>, DbError>;
    /// Runs a statement, returns the number of changed rows.
    async fn execute(&self, stmt: Stmt) -> Result<u64, DbError>;
    /// Runs all statements atomically (D1 has no interactive transactions).
    async fn batch(&self, stmts: Vec<Stmt>) -> Result<(), DbError>;
}

#[derive(Debug, thiserror::Error)]
#[error("key-value store error: {0}")]
pub struct KvError(pub String);

/// Key-value store with expiry (Workers KV). TTLs under 60 s are not allowed by KV.
#[async_trait]
pub trait Kv: Send + Sync {
    async fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    async fn put(&self, key: &str, value: &str, ttl_seconds: u64) -> Result<(), KvError>;
    async fn delete(&self, key: &str) -> Result<(), KvError>;
}

#[derive(Debug, thiserror::Error)]
#[error("job queue error: {0}")]
pub struct JobsError(pub String);

/// Producer side of the job queue (Cloudflare Queues). Delivery is at least once.
#[async_trait]
pub trait Jobs: Send + Sync {
    async fn send(&self, job: &crate::app::jobs::Job) -> Result<(), JobsError>;
}

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The real clock: `Date.now()` on workerd (chrono's wasmbind), the OS clock natively.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("http client error: {0}")]
pub struct HttpClientError(pub String);

/// Outgoing HTTP: the back-channel call to the identity provider's token endpoint.
#[async_trait]
pub trait HttpClient: Send + Sync {
    /// POSTs an `application/x-www-form-urlencoded` body; returns (status, body).
    async fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
    ) -> Result<(u16, String), HttpClientError>;
}

/// Cryptographically secure random bytes as lowercase hex (`2 * bytes` characters).
pub fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    // getrandom only fails if the platform has no entropy source at all,
    // in which case no session could be safe: refuse loudly.
    getrandom::getrandom(&mut buf).expect("no secure random source");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}
