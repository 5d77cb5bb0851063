//! Scheduled jobs (Cron Triggers, UTC). Each is idempotent: running it twice
//! in a row leaves the same state as running it once.

use super::{App, Result};
use crate::store;

/// Every 15 minutes: forget logins in progress and development codes that expired.
pub const CLEANUP: &str = "*/15 * * * *";

/// Runs the job of a cron expression; returns what it did, for the log.
pub async fn run(app: &App, cron: &str) -> Result<String> {
    match cron {
        CLEANUP => {
            store::logins::delete_expired(app.db.as_ref(), &store::ts(app.clock.now())).await?;
            Ok("expired logins removed".into())
        }
        other => Ok(format!("no job for cron {other}")),
    }
}
