//! The platform-free HTTP layer (axum): routes, extractors, the error
//! mapping, CSRF and the OpenAPI document. The same `router()` serves on
//! workerd and in the native tests.

pub mod api;
pub mod children;
pub mod csrf;
pub mod dev;
pub mod error;
pub mod extract;
pub mod openapi;
pub mod pages;
pub mod profile;

use axum::extract::DefaultBodyLimit;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put, MethodRouter};
use axum::Router;

use crate::app::App;

/// Largest request body accepted (forms and JSON; uploads come separately).
pub const BODY_LIMIT: usize = 64 * 1024;

/// One route: its method and path (as the OpenAPI document names them) and handler.
pub struct Route {
    pub method: Method,
    pub path: &'static str,
    handler: MethodRouter<App>,
}

fn route(method: Method, path: &'static str, handler: MethodRouter<App>) -> Route {
    Route {
        method,
        path,
        handler,
    }
}

/// Every route the worker serves. `openapi::document()` describes exactly
/// these; a test holds the two equal.
pub fn routes() -> Vec<Route> {
    vec![
        route(Method::GET, "/api/health", get(api::health)),
        route(Method::GET, "/api/openapi.json", get(api::openapi)),
        route(Method::GET, "/api/auth/login", get(api::login)),
        route(Method::GET, "/api/auth/callback", get(api::callback)),
        route(Method::POST, "/api/auth/logout", post(api::logout)),
        route(Method::GET, "/api/me", get(api::get_me)),
        route(Method::GET, "/api/children", get(children::list)),
        route(Method::POST, "/api/children", post(children::create)),
        route(Method::GET, "/api/children/{id}", get(children::get)),
        route(
            Method::DELETE,
            "/api/children/{id}",
            delete(children::delete),
        ),
        route(
            Method::PUT,
            "/api/children/{id}/main",
            put(children::update_main),
        ),
        route(
            Method::PUT,
            "/api/children/{id}/health",
            put(children::update_health),
        ),
        route(
            Method::POST,
            "/api/children/{id}/documents",
            post(children::add_document),
        ),
        route(
            Method::DELETE,
            "/api/children/{id}/documents/{doc_id}",
            delete(children::delete_document),
        ),
        route(Method::GET, "/api/documents", get(profile::documents)),
        route(Method::POST, "/api/documents", post(profile::add_document)),
        route(
            Method::PUT,
            "/api/documents/{id}",
            put(profile::update_document),
        ),
        route(
            Method::DELETE,
            "/api/documents/{id}",
            delete(profile::delete_document),
        ),
        route(Method::GET, "/api/positions", get(profile::positions)),
        route(Method::POST, "/api/positions", post(profile::add_position)),
        route(
            Method::PUT,
            "/api/positions/{id}",
            put(profile::update_position),
        ),
        route(
            Method::DELETE,
            "/api/positions/{id}",
            delete(profile::delete_position),
        ),
        route(Method::GET, "/dev/idp", get(dev::page)),
        route(Method::POST, "/dev/idp/login", post(dev::login_as)),
        route(Method::POST, "/dev/idp/persons", post(dev::create_person)),
        route(Method::POST, "/dev/idp/token", post(dev::token)),
    ]
}

pub fn router(app: App) -> Router {
    routes()
        .into_iter()
        .fold(Router::new(), |r, route| r.route(route.path, route.handler))
        .fallback(no_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn(csrf::refuse_cross_site))
        .layer(axum::middleware::from_fn(refuse_large_bodies))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app)
}

/// Answers 413 to a body declared larger than the limit, after reading it:
/// workerd (under wrangler dev at least) stalls the next request on the same
/// connection when a response leaves the request body unread. Bodies sent
/// without a length still meet `DefaultBodyLimit` in the extractors.
async fn refuse_large_bodies(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    match declared {
        Some(len) if len > BODY_LIMIT as u64 => {
            // Read and drop (bounded: the platform caps bodies anyway).
            let _ = axum::body::to_bytes(req.into_body(), 16 * 1024 * 1024).await;
            extract::too_large()
        }
        _ => next.run(req).await,
    }
}

async fn no_route() -> Response {
    error::json_error(
        StatusCode::NOT_FOUND,
        "route_not_found",
        "Такой страницы нет",
        serde_json::json!({}),
    )
}

async fn method_not_allowed() -> Response {
    error::json_error(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Этот метод здесь не поддерживается",
        serde_json::json!({}),
    )
    .into_response()
}
