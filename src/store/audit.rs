//! The audit log: who did what, when. Written by the job consumer.

use serde::{Deserialize, Serialize};

use super::{decode, opt, s};
use crate::ports::{Db, DbError, Stmt};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    /// Chosen by the producer, so that a redelivered job writes nothing new.
    pub id: String,
    pub at: String,
    pub user_id: Option<String>,
    pub action: String,
    pub details: String,
}

pub async fn insert_once(db: &dyn Db, e: &AuditEvent) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO audit_log (id, at, user_id, action, details) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO NOTHING",
        vec![
            s(&e.id),
            s(&e.at),
            opt(e.user_id.as_deref()),
            s(&e.action),
            s(&e.details),
        ],
    ))
    .await?;
    Ok(())
}

pub async fn for_user(db: &dyn Db, user_id: &str) -> Result<Vec<AuditEvent>, DbError> {
    let rows = db
        .query(Stmt::new(
            "SELECT id, at, user_id, action, details FROM audit_log WHERE user_id = ?1 ORDER BY at, id",
            vec![s(user_id)],
        ))
        .await?;
    decode(rows)
}
