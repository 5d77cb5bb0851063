//! The one place where use-case errors become HTTP responses. API routes
//! answer `{"error":{"code","message","fields"}}` in Russian; login and
//! development pages answer an HTML page. Internal details are logged with
//! their context and never sent to the client.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::pages;
use crate::app::Error;

/// An error of an `/api` route.
#[derive(Debug)]
pub struct ApiError(pub Error);

impl<E: Into<Error>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

/// Status, machine code and Russian message of an error.
pub fn describe(e: &Error) -> (StatusCode, &'static str, String) {
    match e {
        Error::Validation(_) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            "Проверьте правильность заполнения полей".into(),
        ),
        Error::BadRequest(m) => (StatusCode::BAD_REQUEST, "bad_request", m.clone()),
        Error::Unauthorized => (
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Войдите через Госуслуги, чтобы продолжить".into(),
        ),
        Error::Forbidden(m) => (StatusCode::FORBIDDEN, "forbidden", m.clone()),
        Error::NotFound => (StatusCode::NOT_FOUND, "not_found", "Не найдено".into()),
        Error::Conflict(m) => (StatusCode::CONFLICT, "conflict", m.clone()),
        Error::LoginRefused(_) => (
            StatusCode::BAD_REQUEST,
            "login_refused",
            "Не удалось подтвердить вход через Госуслуги. Попробуйте войти ещё раз.".into(),
        ),
        Error::NotConfigured(m) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "not_configured",
            format!("Вход через Госуслуги временно недоступен: {m}"),
        ),
        Error::Internal(_) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Что-то пошло не так на нашей стороне. Попробуйте ещё раз через несколько минут."
                .into(),
        ),
    }
}

fn log(e: &Error) {
    match e {
        Error::Internal(inner) => eprintln!("internal error: {inner:#}"),
        Error::LoginRefused(why) => eprintln!("login refused: {why}"),
        Error::NotConfigured(why) => eprintln!("not configured: {why}"),
        _ => {}
    }
}

/// The JSON body of an error response.
pub fn json_error(
    status: StatusCode,
    code: &str,
    message: &str,
    fields: serde_json::Value,
) -> Response {
    let body = json!({ "error": { "code": code, "message": message, "fields": fields } });
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        axum::Json(body),
    )
        .into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        log(&self.0);
        let (status, code, message) = describe(&self.0);
        let fields = match self.0 {
            Error::Validation(errors) => json!(errors.into_map()),
            _ => json!({}),
        };
        json_error(status, code, &message, fields)
    }
}

/// An error of a page (login, callback, development provider).
#[derive(Debug)]
pub struct PageError(pub Error);

impl<E: Into<Error>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        log(&self.0);
        let (status, _, message) = describe(&self.0);
        let title = match status {
            StatusCode::NOT_FOUND => "Страница не найдена",
            StatusCode::SERVICE_UNAVAILABLE => "Вход временно недоступен",
            StatusCode::INTERNAL_SERVER_ERROR => "Ошибка на сервере",
            _ => "Не удалось войти",
        };
        pages::html(status, &pages::message_page(title, &message))
    }
}
