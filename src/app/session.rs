//! Sessions in KV. The id is 256 random bits; the value records when the
//! session began (absolute limit 12 h) and when it was last used (idle
//! limit 30 min, sliding). KV's TTL removes abandoned sessions; the limits
//! are also checked here so that they hold to the second.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::{App, Result};

pub const IDLE_LIMIT_SECS: i64 = 30 * 60;
pub const ABSOLUTE_LIMIT_SECS: i64 = 12 * 60 * 60;
/// A session used again within this many seconds is not rewritten: KV allows
/// about one write per key per second and each write costs; the idle limit
/// is then at most this much shorter than 30 minutes.
const REFRESH_AFTER_SECS: i64 = 60;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    pub user_id: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

fn key(id: &str) -> String {
    format!("session:{id}")
}

/// Only ids of our own shape are looked up (the cookie is user input).
fn well_formed(id: &str) -> bool {
    id.len() == 64 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Session {
    fn expires_at(&self) -> DateTime<Utc> {
        (self.last_seen_at + Duration::seconds(IDLE_LIMIT_SECS))
            .min(self.created_at + Duration::seconds(ABSOLUTE_LIMIT_SECS))
    }

    fn ttl_from(&self, now: DateTime<Utc>) -> u64 {
        // KV refuses TTLs under 60 s; the check in `load` still holds the limit.
        (self.expires_at() - now).num_seconds().max(60) as u64
    }
}

/// Starts a session for the user; a fresh id at every login.
pub async fn create(app: &App, user_id: &str) -> Result<String> {
    let now = app.clock.now();
    let id = crate::ports::random_hex(32);
    let session = Session {
        user_id: user_id.to_string(),
        created_at: now,
        last_seen_at: now,
    };
    put(app, &id, &session, now).await?;
    Ok(id)
}

async fn put(app: &App, id: &str, session: &Session, now: DateTime<Utc>) -> Result<()> {
    let value = serde_json::to_string(session).map_err(anyhow::Error::new)?;
    app.kv.put(&key(id), &value, session.ttl_from(now)).await?;
    Ok(())
}

/// The live session with this id, its idle time renewed; `None` if there is none.
pub async fn load(app: &App, id: &str) -> Result<Option<Session>> {
    if !well_formed(id) {
        return Ok(None);
    }
    let Some(raw) = app.kv.get(&key(id)).await? else {
        return Ok(None);
    };
    let Ok(mut session) = serde_json::from_str::<Session>(&raw) else {
        app.kv.delete(&key(id)).await?;
        return Ok(None);
    };
    let now = app.clock.now();
    if now >= session.expires_at() {
        app.kv.delete(&key(id)).await?;
        return Ok(None);
    }
    if (now - session.last_seen_at).num_seconds() >= REFRESH_AFTER_SECS {
        session.last_seen_at = now;
        put(app, id, &session, now).await?;
    }
    Ok(Some(session))
}

pub async fn destroy(app: &App, id: &str) -> Result<()> {
    if well_formed(id) {
        app.kv.delete(&key(id)).await?;
    }
    Ok(())
}
