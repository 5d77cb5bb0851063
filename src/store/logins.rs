//! Logins in progress: what the callback needs to check the provider's answer.

use serde::Deserialize;

use super::{decode_first, s};
use crate::ports::{Db, DbError, Stmt};

#[derive(Debug, Clone, Deserialize)]
pub struct PendingLogin {
    pub state: String,
    pub nonce: String,
    pub code_verifier: String,
    pub expires_at: String,
}

pub async fn insert(db: &dyn Db, l: &PendingLogin) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO oidc_logins (state, nonce, code_verifier, expires_at) VALUES (?1, ?2, ?3, ?4)",
        vec![
            s(&l.state),
            s(&l.nonce),
            s(&l.code_verifier),
            s(&l.expires_at),
        ],
    ))
    .await?;
    Ok(())
}

/// Removes and returns the login with this state: a state works once only.
pub async fn take(db: &dyn Db, state: &str) -> Result<Option<PendingLogin>, DbError> {
    let rows = db
        .query(Stmt::new(
            "DELETE FROM oidc_logins WHERE state = ?1
             RETURNING state, nonce, code_verifier, expires_at",
            vec![s(state)],
        ))
        .await?;
    decode_first(rows)
}

/// Forgets logins and development codes that expired before `now`.
pub async fn delete_expired(db: &dyn Db, now: &str) -> Result<(), DbError> {
    db.batch(vec![
        Stmt::new(
            "DELETE FROM oidc_logins WHERE expires_at < ?1",
            vec![s(now)],
        ),
        Stmt::new(
            "DELETE FROM dev_idp_codes WHERE expires_at < ?1",
            vec![s(now)],
        ),
    ])
    .await
}
