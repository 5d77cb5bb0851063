//! Jobs on the queue and their consumer. Delivery is at least once, so each
//! job carries the id of its effect and applying it twice changes nothing.

use serde::{Deserialize, Serialize};

use super::{App, Result};
use crate::store::{self, audit::AuditEvent};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Write one entry of the audit log (kept off the request's path).
    Audit(AuditEvent),
}

/// Puts an audit event on the queue.
pub async fn audit(app: &App, user_id: Option<&str>, action: &str, details: &str) -> Result<()> {
    let event = AuditEvent {
        id: uuid::Uuid::new_v4().to_string(),
        at: store::ts(app.clock.now()),
        user_id: user_id.map(str::to_string),
        action: action.to_string(),
        details: details.to_string(),
    };
    app.jobs.send(&Job::Audit(event)).await?;
    Ok(())
}

/// The consumer: applies one job. An error makes the queue retry it, and
/// after the retries it goes to the dead-letter queue.
pub async fn handle(app: &App, job: &Job) -> Result<()> {
    match job {
        Job::Audit(event) => store::audit::insert_once(app.db.as_ref(), event).await?,
    }
    Ok(())
}
