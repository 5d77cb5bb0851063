//! Server-rendered HTML: the login error pages and the development
//! provider's page. Every value is escaped; no inline scripts (CSP).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub const CSP: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub fn html(status: StatusCode, body: &str) -> Response {
    (
        status,
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::CACHE_CONTROL, "no-store"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body.to_string(),
    )
        .into_response()
}

/// A whole page with the portal's top bar; `main` is trusted HTML.
pub fn layout(title: &str, main: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — Портал муниципальных услуг</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<header class="topbar"><a class="brand" href="/">Портал муниципальных услуг в сфере образования</a></header>
<main id="main" class="page narrow">
{main}
</main>
</body>
</html>"#,
        title = escape(title),
    )
}

pub fn message_page(title: &str, message: &str) -> String {
    layout(
        title,
        &format!(
            r#"<h1>{}</h1>
<p>{}</p>
<p class="actions"><a class="button primary" href="/api/auth/login">Войти через Госуслуги</a> <a class="button" href="/">На главную</a></p>"#,
            escape(title),
            escape(message)
        ),
    )
}
