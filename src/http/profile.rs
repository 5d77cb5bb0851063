//! Handlers of `/api/documents` and `/api/positions`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::error::ApiError;
use super::extract::{CurrentUser, JsonBody};
use crate::app::{profile, App, Versioned};
use crate::domain::user_document::{PositionInput, UserDocumentInput};

pub async fn documents(State(app): State<App>, user: CurrentUser) -> Result<Response, ApiError> {
    Ok(Json(profile::documents(&app, &user.user_id).await?).into_response())
}

pub async fn add_document(
    State(app): State<App>,
    user: CurrentUser,
    JsonBody(input): JsonBody<UserDocumentInput>,
) -> Result<Response, ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(profile::add_document(&app, &user.user_id, &input).await?),
    )
        .into_response())
}

pub async fn update_document(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<Versioned<UserDocumentInput>>,
) -> Result<Response, ApiError> {
    Ok(Json(profile::update_document(&app, &user.user_id, &id, &input).await?).into_response())
}

pub async fn delete_document(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    profile::delete_document(&app, &user.user_id, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn positions(State(app): State<App>, user: CurrentUser) -> Result<Response, ApiError> {
    Ok(Json(profile::positions(&app, &user.user_id).await?).into_response())
}

pub async fn add_position(
    State(app): State<App>,
    user: CurrentUser,
    JsonBody(input): JsonBody<PositionInput>,
) -> Result<Response, ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(profile::add_position(&app, &user.user_id, &input).await?),
    )
        .into_response())
}

pub async fn update_position(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<Versioned<PositionInput>>,
) -> Result<Response, ApiError> {
    Ok(Json(profile::update_position(&app, &user.user_id, &id, &input).await?).into_response())
}

pub async fn delete_position(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    profile::delete_position(&app, &user.user_id, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
