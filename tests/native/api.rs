//! API conventions: error shape, CSRF, body limit, unknown routes, OpenAPI
//! equal to the router; the development provider's "Новый пользователь" form.

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::support::*;

#[tokio::test]
async fn cross_origin_writes_are_refused() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let cross_site = Req::new(Method::POST, "/api/auth/logout")
        .session(&s)
        .header("sec-fetch-site", "cross-site");
    let r = t.send(cross_site).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.code(), "cross_site");
    assert_eq!(
        r.json()["error"]["message"],
        "Запрос с другого сайта отклонён"
    );
    let other_origin = Req::new(Method::POST, "/api/auth/logout")
        .session(&s)
        .header("origin", "https://evil.example");
    assert_eq!(t.send(other_origin).await.status, StatusCode::FORBIDDEN);
    // The session survived both attempts.
    assert_eq!(t.get("/api/me", Some(&s)).await.status, StatusCode::OK);
    let same = Req::new(Method::POST, "/api/auth/logout")
        .session(&s)
        .header("origin", "http://127.0.0.1:8787");
    assert_eq!(t.send(same).await.status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn reads_from_another_site_are_not_blocked_by_csrf() {
    let t = TestApp::new();
    let r = t
        .send(Req::new(Method::GET, "/api/health").header("sec-fetch-site", "cross-site"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json_errors() {
    let t = TestApp::new();
    let r = t.get("/api/nothing-here", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        r.json(),
        json!({"error": {"code": "route_not_found", "message": "Такой страницы нет", "fields": {}}})
    );
    let r = t.send(Req::new(Method::DELETE, "/api/me")).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.code(), "method_not_allowed");
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let t = TestApp::new();
    let big = "x".repeat(kabinet::http::BODY_LIMIT + 1);
    let r = t
        .send(
            Req::new(Method::POST, "/dev/idp/persons")
                .raw("application/x-www-form-urlencoded", big),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn openapi_document_lists_exactly_the_routes() {
    let t = TestApp::new();
    let doc = t.get("/api/openapi.json", None).await.json();
    assert_eq!(doc["openapi"], "3.0.3");
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .filter(|k| *k != "parameters")
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = kabinet::http::routes()
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string()))
        .collect();
    assert_eq!(documented, routed);
    // And each one is really served by the router (neither unknown nor wrong method).
    for (method, path) in &routed {
        let r = t
            .send(Req::new(method.parse().unwrap(), path).form(&[]))
            .await;
        assert_ne!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        if r.status == StatusCode::NOT_FOUND {
            assert_ne!(r.code(), "route_not_found", "{method} {path}");
        }
    }
}

fn new_person_form<'a>(
    query: &'a [(String, String)],
    fields: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut all: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    all.extend_from_slice(fields);
    all
}

#[tokio::test]
async fn a_new_person_from_the_dev_provider_logs_in_with_the_data_entered() {
    let t = TestApp::new();
    let query: Vec<(String, String)> = form_urlencoded::parse(t.start_login().await.as_bytes())
        .into_owned()
        .collect();
    let form = new_person_form(
        &query,
        &[
            ("last_name", "Новикова"),
            ("first_name", "Мария"),
            ("middle_name", "Игоревна"),
            ("birth_date", "1990-04-12"),
            ("gender", "F"),
            ("snils", "112-233-445 95"),
            ("email", "novikova@example.ru"),
        ],
    );
    let r = t
        .send(Req::new(Method::POST, "/dev/idp/persons").form(&form))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let s = t.callback(&r.location()).await;
    let me = t.get("/api/me", Some(&s)).await.json();
    assert_eq!(me["display_name"], "Новикова Мария Игоревна");
    assert_eq!(me["personal"]["snils"], "112-233-445 95");
    assert_eq!(me["personal"]["gender"], "F");
    assert_eq!(me["roles"], json!(["parent"]));
}

#[tokio::test]
async fn the_new_person_form_names_each_wrong_field_and_keeps_the_input() {
    let t = TestApp::new();
    let query: Vec<(String, String)> = form_urlencoded::parse(t.start_login().await.as_bytes())
        .into_owned()
        .collect();
    let form = new_person_form(
        &query,
        &[
            ("last_name", "Novikova"),
            ("first_name", ""),
            ("birth_date", "2999-01-01"),
            ("snils", "112-233-445 96"),
            ("email", "novikova"),
        ],
    );
    let before = t.db.scalar("SELECT COUNT(*) FROM dev_idp_persons");
    let r = t
        .send(Req::new(Method::POST, "/dev/idp/persons").form(&form))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = r.text();
    for message in [
        "Используйте только русские буквы, дефис, пробел или апостроф",
        "Укажите имя",
        "Укажите дату рождения не позже сегодняшней",
        "СНИЛС указан с ошибкой: не сходится контрольное число",
        "Укажите адрес электронной почты в виде name@example.ru",
        "Укажите пол",
    ] {
        assert!(page.contains(message), "missing: {message}");
    }
    assert!(page.contains(r#"value="Novikova""#), "input kept");
    assert!(page.contains(r#"aria-invalid="true""#) && page.contains(r#"role="alert""#));
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM dev_idp_persons"),
        before,
        "nothing saved"
    );
}

#[tokio::test]
async fn the_dev_provider_refuses_a_foreign_redirect_uri() {
    let t = TestApp::new();
    let query = t
        .start_login()
        .await
        .replace("127.0.0.1%3A8787", "evil.example");
    let r = t.get(&format!("/dev/idp?{query}"), None).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("redirect_uri не зарегистрирован"));
}

#[tokio::test]
async fn the_dev_provider_page_lists_persons_with_their_roles() {
    let t = TestApp::new();
    let page = t
        .get(&format!("/dev/idp?{}", t.start_login().await), None)
        .await
        .text();
    assert!(page.contains("<h1>Вход через тестовый ЕСИА</h1>"));
    for expected in [
        "Войти как Тестов Илья Петрович",
        "Войти как Смирнова Анна Сергеевна",
        "оператор, МБДОУ «Детский сад № 5 «Солнышко»",
        "оператор, МБОУ «СОШ № 1»",
        "администратор портала",
        "Новый пользователь",
    ] {
        assert!(page.contains(expected), "missing: {expected}");
    }
}

#[tokio::test]
async fn the_token_endpoint_speaks_oauth_errors() {
    let t = TestApp::new();
    let r = t
        .send(
            Req::new(Method::POST, "/dev/idp/token")
                .form(&[("grant_type", "authorization_code"), ("code", "nope")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json()["error"], "invalid_grant");
    let r = t
        .send(Req::new(Method::POST, "/dev/idp/token").form(&[("grant_type", "password")]))
        .await;
    assert_eq!(r.json()["error"], "unsupported_grant_type");
}

#[tokio::test]
async fn malformed_pages_requests_get_russian_pages() {
    let t = TestApp::new();
    let r = t
        .get("/api/auth/callback?code=a&code=b&state=x", None)
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.text().contains("Неверные параметры в адресе страницы"),
        "{}",
        r.text()
    );
    let r = t
        .send(Req::new(Method::POST, "/dev/idp/login").raw("application/json", "{}"))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("Форма отправлена не полностью"));
}

/// Whatever a user sends to any route, the answer is never a 500.
#[tokio::test]
async fn no_input_causes_a_500() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let child = t
        .send(Req::new(Method::POST, "/api/children").session(&s).json(json!({
            "last_name": "Тестов", "first_name": "Мирон", "birth_date": "2022-05-01", "gender": "M"
        })))
        .await
        .json();
    let id = child["id"].as_str().unwrap().to_string();
    let bodies = [
        json!(null),
        json!([]),
        json!("строка"),
        json!(42),
        json!({}),
        json!({"version": "1"}),
        json!({"version": 9_223_372_036_854_775_807_i64}),
        json!({"version": -1, "last_name": 5, "registration": "нет"}),
        json!({"version": 1, "birth_date": "31.12.2020", "gender": "X", "citizenship": "марс"}),
        json!({"version": 1, "registration": {"region": ["a"]}}),
        json!({"doc_type": "birth_certificate", "series": "Ⅱ-ИВ", "number": "１２３４５６", "issued_on": "2022-13-40"}),
        json!({"doc_type": {"x": 1}, "issued_on": null}),
        json!({"health_group": "V", "adapted_program": "да", "pmpk_date": "0000-00-00"}),
        json!({"organization_name": "\u{0000}", "title": "x".repeat(5000), "started_on": "9999-99-99"}),
        json!({"last_name": "а".repeat(70_000)}),
    ];
    for route in kabinet::http::routes() {
        // Reads and deletions take no body; logging out would end the test's session.
        if matches!(route.method, Method::GET | Method::DELETE) || route.path == "/api/auth/logout"
        {
            continue;
        }
        let path = route.path.replace("{id}", &id).replace("{doc_id}", "nope");
        for body in &bodies {
            let r = t
                .send(
                    Req::new(route.method.clone(), &path)
                        .session(&s)
                        .json(body.clone()),
                )
                .await;
            assert!(
                r.status.as_u16() < 500,
                "{} {path} with {body}: {} {}",
                route.method,
                r.status,
                r.text()
            );
        }
        let raw = t
            .send(
                Req::new(route.method.clone(), &path)
                    .session(&s)
                    .raw("application/json", "\u{feff}{\"a\":"),
            )
            .await;
        assert!(
            raw.status.as_u16() < 500,
            "{} {path} with broken JSON",
            route.method
        );
    }
    // The child is still there and unharmed by the garbage.
    let after = t.get(&format!("/api/children/{id}"), Some(&s)).await;
    assert_eq!(after.status, StatusCode::OK);
    assert_eq!(after.json()["last_name"], "Тестов");
}
