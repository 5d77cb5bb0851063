//! The one error type of the use cases. `http::error` maps each variant to a
//! status code in one place; `Internal` is logged there and never shown.

use crate::domain::FieldErrors;
use crate::ports::{DbError, HttpClientError, JobsError, KvError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 422: the request was understood but fields are wrong; messages per field.
    #[error("validation failed")]
    Validation(FieldErrors),
    /// 400: the request itself is malformed.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// 401: no valid session.
    #[error("not logged in")]
    Unauthorized,
    /// 403: logged in, but this is not allowed (also: cross-origin writes).
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// 404: no such thing, or it belongs to somebody else.
    #[error("not found")]
    NotFound,
    /// 409: the change conflicts with the current state.
    #[error("conflict: {0}")]
    Conflict(String),
    /// 400 on the login pages: the provider's answer cannot be trusted.
    #[error("login refused: {0}")]
    LoginRefused(String),
    /// 503: the service is not configured (a missing setting, named).
    #[error("not configured: {0}")]
    NotConfigured(String),
    /// 500: a fault of ours or of the platform; details go to the log only.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl Error {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.add(field, message);
        Error::Validation(errors)
    }
}

impl From<FieldErrors> for Error {
    fn from(errors: FieldErrors) -> Self {
        Error::Validation(errors)
    }
}

impl From<DbError> for Error {
    fn from(e: DbError) -> Self {
        Error::Internal(anyhow::Error::new(e).context("database"))
    }
}

impl From<KvError> for Error {
    fn from(e: KvError) -> Self {
        Error::Internal(anyhow::Error::new(e).context("sessions store"))
    }
}

impl From<JobsError> for Error {
    fn from(e: JobsError) -> Self {
        Error::Internal(anyhow::Error::new(e).context("job queue"))
    }
}

impl From<HttpClientError> for Error {
    fn from(e: HttpClientError) -> Self {
        Error::Internal(anyhow::Error::new(e).context("identity provider"))
    }
}
