//! Handlers of `/api/children`: the "Дети" tab and the child's page.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::error::ApiError;
use super::extract::{CurrentUser, JsonBody};
use crate::app::children::{self, Versioned};
use crate::app::App;
use crate::domain::child::{ChildMainInput, ChildNameInput, HealthInput};
use crate::domain::document::ChildDocumentInput;

pub async fn list(State(app): State<App>, user: CurrentUser) -> Result<Response, ApiError> {
    Ok(Json(children::list(&app, &user.user_id).await?).into_response())
}

pub async fn create(
    State(app): State<App>,
    user: CurrentUser,
    JsonBody(input): JsonBody<ChildNameInput>,
) -> Result<Response, ApiError> {
    let child = children::create(&app, &user.user_id, &input).await?;
    Ok((StatusCode::CREATED, Json(child)).into_response())
}

pub async fn get(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    Ok(Json(children::get(&app, &user.user_id, &id).await?).into_response())
}

pub async fn update_main(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<Versioned<ChildMainInput>>,
) -> Result<Response, ApiError> {
    Ok(Json(children::update_main(&app, &user.user_id, &id, &input).await?).into_response())
}

pub async fn update_health(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<Versioned<HealthInput>>,
) -> Result<Response, ApiError> {
    Ok(Json(children::update_health(&app, &user.user_id, &id, &input).await?).into_response())
}

pub async fn delete(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    children::delete(&app, &user.user_id, &id).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

pub async fn add_document(
    State(app): State<App>,
    user: CurrentUser,
    Path(id): Path<String>,
    JsonBody(input): JsonBody<ChildDocumentInput>,
) -> Result<Response, ApiError> {
    let child = children::add_document(&app, &user.user_id, &id, &input).await?;
    Ok((StatusCode::CREATED, Json(child)).into_response())
}

pub async fn delete_document(
    State(app): State<App>,
    user: CurrentUser,
    Path((id, doc_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    Ok(Json(children::delete_document(&app, &user.user_id, &id, &doc_id).await?).into_response())
}
