//! SQL for each aggregate over the `Db` port. The same SQL runs on D1 and on
//! SQLite in the native tests; timestamps are RFC 3339 UTC strings with
//! whole seconds, so that comparing them as text compares them in time.

pub mod audit;
pub mod children;
pub mod dev_idp;
pub mod logins;
pub mod profile;
pub mod users;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::ports::{DbError, Row};

/// Decodes rows into `T` (column names are the field names).
pub fn decode<T: DeserializeOwned>(rows: Vec<Row>) -> Result<Vec<T>, DbError> {
    rows.into_iter()
        .map(|row| {
            serde_json::from_value(Value::Object(row))
                .map_err(|e| DbError::Other(format!("row decoding: {e}")))
        })
        .collect()
}

/// Decodes the first row, if any.
pub fn decode_first<T: DeserializeOwned>(rows: Vec<Row>) -> Result<Option<T>, DbError> {
    Ok(decode(rows)?.into_iter().next())
}

/// The stored form of a moment in time.
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A nullable text parameter.
pub fn opt(v: Option<&str>) -> Value {
    v.map_or(Value::Null, |s| Value::String(s.to_string()))
}

/// Shorthand for a text parameter.
pub fn s(v: &str) -> Value {
    Value::String(v.to_string())
}
