//! Refuses state-changing requests that a browser sent from another site.
//! Browsers mark every request with Sec-Fetch-Site (or at least Origin on
//! POST); a request with neither is not from a browser and carries no
//! ambient cookie by accident.

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::error::json_error;

pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) || same_site(&req) {
        return next.run(req).await;
    }
    json_error(
        StatusCode::FORBIDDEN,
        "cross_site",
        "Запрос с другого сайта отклонён",
        serde_json::json!({}),
    )
}

fn same_site(req: &Request) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            !host.is_empty() && origin_host == host
        }
    }
}
