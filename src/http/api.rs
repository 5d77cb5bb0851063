//! Handlers of `/api`: login, logout, the cabinet's profile, health.

use axum::extract::State;
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use serde_json::json;

use super::error::{ApiError, PageError};
use super::extract::{
    clear_session_cookie, cookie, session_cookie, CurrentUser, PageQuery, SESSION_COOKIE,
};
use crate::app::{auth, me, session, App};

/// GET /api/auth/login: to the identity provider's login page.
pub async fn login(State(app): State<App>) -> Result<Response, PageError> {
    let url = auth::start(&app).await?;
    Ok(Redirect::to(&url).into_response())
}

/// GET /api/auth/callback: back from the provider; opens the cabinet.
pub async fn callback(
    State(app): State<App>,
    PageQuery(cb): PageQuery<auth::Callback>,
) -> Result<Response, PageError> {
    let session_id = auth::finish(&app, &cb).await?;
    Ok((
        [(header::SET_COOKIE, session_cookie(&session_id))],
        Redirect::to("/kabinet/zayavleniya"),
    )
        .into_response())
}

/// POST /api/auth/logout ("Выход"): ends the session, clears the cookie.
pub async fn logout(State(app): State<App>, parts: Parts) -> Result<Response, ApiError> {
    if let Some(id) = cookie(&parts, SESSION_COOKIE) {
        if let Some(s) = session::load(&app, id).await? {
            auth::logout(&app, id, &s.user_id).await?;
        }
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, clear_session_cookie())],
    )
        .into_response())
}

/// GET /api/me: who is logged in, their ESIA data, roles and organizations.
pub async fn get_me(State(app): State<App>, user: CurrentUser) -> Result<Response, ApiError> {
    let me = me::get(&app, &user.user_id).await?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(me)).into_response())
}

/// GET /api/health: liveness, no storage touched.
pub async fn health() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

/// GET /api/openapi.json
pub async fn openapi() -> Json<serde_json::Value> {
    Json(super::openapi::document())
}
