//! Extractors: the session cookie, the development-only guard, JSON bodies
//! with our error shape.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;

use super::error::{json_error, ApiError, PageError};
use crate::app::{session, App, Error};

pub const SESSION_COOKIE: &str = "kabinet_session";

/// The value of a cookie in the request, if present.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn session_cookie(id: &str) -> String {
    format!(
        "{SESSION_COOKIE}={id}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age={}",
        session::ABSOLUTE_LIMIT_SECS
    )
}

pub fn clear_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0")
}

/// The logged-in user of this request; 401 otherwise.
pub struct CurrentUser {
    pub user_id: String,
    pub session_id: String,
}

impl FromRequestParts<App> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let session_id = cookie(parts, SESSION_COOKIE)
            .ok_or(Error::Unauthorized)?
            .to_string();
        let s = session::load(app, &session_id)
            .await?
            .ok_or(Error::Unauthorized)?;
        Ok(CurrentUser {
            user_id: s.user_id,
            session_id,
        })
    }
}

/// Guards the development identity provider: 404 unless ENVIRONMENT=development.
pub struct DevOnly;

impl FromRequestParts<App> for DevOnly {
    type Rejection = PageError;

    async fn from_request_parts(_: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        if app.config.is_development() {
            Ok(DevOnly)
        } else {
            Err(PageError(Error::NotFound))
        }
    }
}

/// A JSON body: 413 over the limit, 400 when it is not JSON of the expected shape.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<App> for JsonBody<T> {
    type Rejection = Response;

    async fn from_request(req: Request, app: &App) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
        if !is_json {
            return Err(json_error(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Отправьте данные в формате JSON (Content-Type: application/json)",
                serde_json::json!({}),
            ));
        }
        let bytes = Bytes::from_request(req, app).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                too_large()
            } else {
                ApiError(Error::BadRequest("Не удалось прочитать запрос".into())).into_response()
            }
        })?;
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|_| {
            ApiError(Error::BadRequest(
                "Запрос не в том формате: проверьте, что это JSON с нужными полями".into(),
            ))
            .into_response()
        })
    }
}

pub fn too_large() -> Response {
    json_error(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "Слишком большой запрос",
        serde_json::json!({}),
    )
}

/// A query string for a page; a malformed one is a Russian error page, not axum's text.
pub struct PageQuery<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequestParts<App> for PageQuery<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, app)
            .await
            .map(|q| PageQuery(q.0))
            .map_err(|_| {
                PageError(Error::BadRequest(
                    "Неверные параметры в адресе страницы".into(),
                ))
            })
    }
}

/// A form posted from a page: 413 over the limit, a Russian error page when malformed.
pub struct PageForm<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequest<App> for PageForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, app: &App) -> Result<Self, Self::Rejection> {
        axum::Form::<T>::from_request(req, app)
            .await
            .map(|f| PageForm(f.0))
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    too_large()
                } else {
                    PageError(Error::BadRequest(
                        "Форма отправлена не полностью или с ошибкой: откройте страницу заново"
                            .into(),
                    ))
                    .into_response()
                }
            })
    }
}
