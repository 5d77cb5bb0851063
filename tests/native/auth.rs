//! Login through the OpenID Connect flow, id_token verification, sessions, logout.

use axum::http::{Method, StatusCode};
use kabinet::app::dev_idp;
use kabinet::app::oidc::{self, PersonClaims};
use kabinet::config::{Config, Environment, OidcSettings, VerifyingKey};
use serde_json::json;

use super::support::*;

#[tokio::test]
async fn login_as_a_demo_parent_opens_the_cabinet_with_esia_data() {
    let t = TestApp::new();
    let session = t.login_as(PARENT).await;
    let me = t.get("/api/me", Some(&session)).await;
    assert_eq!(me.status, StatusCode::OK);
    let me = me.json();
    assert_eq!(me["display_name"], "Тестов Илья Петрович");
    assert_eq!(me["personal"]["snils"], "123-456-789 64");
    assert_eq!(me["personal"]["birth_date"], "1988-05-14");
    assert_eq!(me["personal"]["gender"], "M");
    assert_eq!(me["personal"]["email"], "testov@example.ru");
    assert_eq!(me["personal"]["received_at"], "2026-12-04T09:00:00Z");
    assert_eq!(me["roles"], json!(["parent"]));
    assert_eq!(me["has_applications"], false);
}

#[tokio::test]
async fn operators_and_admin_get_their_roles_and_organization() {
    let t = TestApp::new();
    let s = t.login_as(KINDERGARTEN_OPERATOR).await;
    let me = t.get("/api/me", Some(&s)).await.json();
    assert_eq!(me["roles"], json!(["parent", "operator"]));
    assert_eq!(
        me["operator_of"][0]["short_name"],
        "МБДОУ «Детский сад № 5 «Солнышко»"
    );
    let s = t.login_as(SCHOOL_OPERATOR).await;
    assert_eq!(
        t.get("/api/me", Some(&s)).await.json()["operator_of"][0]["short_name"],
        "МБОУ «СОШ № 1»"
    );
    let s = t.login_as(PORTAL_ADMIN).await;
    assert_eq!(
        t.get("/api/me", Some(&s)).await.json()["roles"],
        json!(["parent", "portal_admin"])
    );
}

#[tokio::test]
async fn personal_data_is_refreshed_at_every_login() {
    let t = TestApp::new();
    t.login_as(PARENT).await;
    t.db.exec("UPDATE dev_idp_persons SET email = 'new@example.ru' WHERE oid = '1000001'");
    t.clock.advance(3600);
    let s = t.login_as(PARENT).await;
    let me = t.get("/api/me", Some(&s)).await.json();
    assert_eq!(me["personal"]["email"], "new@example.ru");
    assert_eq!(me["personal"]["received_at"], "2026-12-04T10:00:00Z");
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM users WHERE esia_oid = '1000001'"),
        json!(1)
    );
}

#[tokio::test]
async fn every_login_gets_a_new_unguessable_session_id() {
    let t = TestApp::new();
    let a = t.login_as(PARENT).await;
    let b = t.login_as(PARENT).await;
    assert_ne!(a, b);
    assert_eq!(a.len(), 64, "256 bits as hex");
    assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
}

#[tokio::test]
async fn the_session_cookie_is_httponly_secure_lax() {
    let t = TestApp::new();
    let location = t.authorize_as(PARENT).await;
    let cb = t.get(location.strip_prefix(BASE).unwrap(), None).await;
    let cookie = cb.set_cookie();
    for attr in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attr), "{attr} missing in {cookie}");
    }
}

#[tokio::test]
async fn the_authorization_request_carries_state_nonce_and_pkce() {
    let t = TestApp::new();
    let query = t.start_login().await;
    let p: std::collections::HashMap<String, String> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    assert_eq!(p["response_type"], "code");
    assert_eq!(
        p["scope"],
        "openid fullname birthdate gender snils email mobile"
    );
    assert_eq!(p["code_challenge_method"], "S256");
    assert_eq!(p["redirect_uri"], "http://127.0.0.1:8787/api/auth/callback");
    assert!(p["state"].len() >= 32 && p["nonce"].len() >= 32 && p["code_challenge"].len() == 43);
}

async fn code_and_state(t: &TestApp, oid: &str) -> (String, String) {
    let loc = t.authorize_as(oid).await;
    let q: std::collections::HashMap<String, String> =
        form_urlencoded::parse(loc.split_once('?').unwrap().1.as_bytes())
            .into_owned()
            .collect();
    (q["code"].clone(), q["state"].clone())
}

#[tokio::test]
async fn a_wrong_or_reused_state_is_refused() {
    let t = TestApp::new();
    let (code, state) = code_and_state(&t, PARENT).await;
    let wrong = t
        .get(
            &format!("/api/auth/callback?code={code}&state=forged{state}"),
            None,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert!(wrong.text().contains("Не удалось войти"));
    assert!(wrong.set_cookie().is_empty());
    let ok = t
        .get(
            &format!("/api/auth/callback?code={code}&state={state}"),
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let replay = t
        .get(
            &format!("/api/auth/callback?code={code}&state={state}"),
            None,
        )
        .await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST, "a state works once");
}

#[tokio::test]
async fn a_code_used_with_another_state_is_refused() {
    let t = TestApp::new();
    let (code, _) = code_and_state(&t, PARENT).await;
    let (_, other_state) = code_and_state(&t, PARENT).await;
    // The other login's verifier does not match this code's PKCE challenge.
    let r = t
        .get(
            &format!("/api/auth/callback?code={code}&state={other_state}"),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_login_left_too_long_is_refused() {
    let t = TestApp::new();
    let (code, state) = code_and_state(&t, PARENT).await;
    t.clock.advance(601);
    let r = t
        .get(
            &format!("/api/auth/callback?code={code}&state={state}"),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_provider_error_is_shown_as_a_page() {
    let t = TestApp::new();
    let r = t
        .get("/api/auth/callback?error=access_denied&state=x", None)
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.text().contains("Войти через Госуслуги"));
}

fn settings() -> OidcSettings {
    dev_idp::settings(BASE)
}

fn person() -> PersonClaims {
    PersonClaims {
        family_name: Some("Тестов".into()),
        given_name: Some("Илья".into()),
        ..Default::default()
    }
}

const NOW: i64 = 1_796_374_800; // 2026-12-04T09:00:00Z

fn at(unix: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(unix, 0).unwrap()
}

#[test]
fn a_good_token_is_accepted() {
    let token = dev_idp::sign(BASE, "1000001", "n1", person(), NOW).unwrap();
    let id = oidc::verify_id_token(&settings(), &token, "n1", at(NOW + 10)).unwrap();
    assert_eq!(id.subject, "1000001");
    assert_eq!(id.person.family_name.as_deref(), Some("Тестов"));
}

#[test]
fn a_tampered_token_is_refused() {
    let token = dev_idp::sign(BASE, "1000001", "n1", person(), NOW).unwrap();
    let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
    // Change the payload (another subject) but keep the signature.
    let other = dev_idp::sign(BASE, "9999999", "n1", person(), NOW).unwrap();
    parts[1] = other.split('.').nth(1).unwrap().to_string();
    let forged = parts.join(".");
    assert!(oidc::verify_id_token(&settings(), &forged, "n1", at(NOW)).is_err());
    // A token signed by a key that is not configured.
    let stranger = jwt_simple::prelude::ES256KeyPair::generate();
    let mut s = settings();
    s.keys = vec![VerifyingKey::Es256(stranger.public_key())];
    assert!(oidc::verify_id_token(&s, &token, "n1", at(NOW)).is_err());
}

#[test]
fn an_expired_token_is_refused() {
    let token = dev_idp::sign(BASE, "1000001", "n1", person(), NOW).unwrap();
    // Valid for 300 s, 60 s tolerance for clock skew.
    assert!(oidc::verify_id_token(&settings(), &token, "n1", at(NOW + 300)).is_ok());
    assert!(oidc::verify_id_token(&settings(), &token, "n1", at(NOW + 400)).is_err());
    // Not yet valid (nbf in the future beyond the tolerance).
    assert!(oidc::verify_id_token(&settings(), &token, "n1", at(NOW - 120)).is_err());
}

#[test]
fn a_wrong_audience_issuer_or_nonce_is_refused() {
    let token = dev_idp::sign(BASE, "1000001", "n1", person(), NOW).unwrap();
    let mut other_client = settings();
    other_client.client_id = "another-portal".into();
    assert!(oidc::verify_id_token(&other_client, &token, "n1", at(NOW)).is_err());
    let mut other_issuer = settings();
    other_issuer.issuer = "https://esia.gosuslugi.ru/".into();
    assert!(oidc::verify_id_token(&other_issuer, &token, "n1", at(NOW)).is_err());
    assert!(oidc::verify_id_token(&settings(), &token, "n2", at(NOW)).is_err());
}

#[tokio::test]
async fn production_path_trades_the_code_over_http_and_verifies_with_configured_keys() {
    let key = jwt_simple::prelude::ES256KeyPair::generate();
    let oidc = OidcSettings {
        issuer: "https://esia.example/".into(),
        authorize_url: "https://esia.example/aas/oauth2/ac".into(),
        token_url: Some("https://esia.example/aas/oauth2/te".into()),
        client_id: "EDU-PORTAL".into(),
        client_secret: "secret".into(),
        keys: vec![VerifyingKey::Es256(key.public_key())],
        scope: kabinet::config::ESIA_SCOPE.into(),
    };
    let t = TestApp::with_config(Config::with_oidc(
        Environment::Production,
        "https://edu.example",
        oidc,
    ));
    let r = t.get("/api/auth/login", None).await;
    assert!(r
        .location()
        .starts_with("https://esia.example/aas/oauth2/ac?"));
    let q: std::collections::HashMap<String, String> =
        form_urlencoded::parse(r.location().split_once('?').unwrap().1.as_bytes())
            .into_owned()
            .collect();
    let nonce = q["nonce"].clone();
    let challenge = q["code_challenge"].clone();
    let signer = jwt_simple::prelude::ES256KeyPair::from_bytes(&key.to_bytes()).unwrap();
    *t.http.script.lock().unwrap() = Some(Box::new(move |_url, form| {
        let verifier = &form.iter().find(|(k, _)| k == "code_verifier").unwrap().1;
        if oidc::pkce_challenge(verifier) != challenge {
            return (400, r#"{"error":"invalid_grant"}"#.into());
        }
        use jwt_simple::prelude::*;
        let claims = Claims::with_custom_claims(
            PersonClaims {
                family_name: Some("Смирнова".into()),
                given_name: Some("Анна".into()),
                ..Default::default()
            },
            Duration::from_secs(300),
        )
        .with_issuer("https://esia.example/")
        .with_audience("EDU-PORTAL")
        .with_subject("esia-oid-42")
        .with_nonce(&nonce);
        let mut claims = claims;
        let iat = UnixTimeStamp::from_secs(NOW as u64);
        claims.issued_at = Some(iat);
        claims.invalid_before = Some(iat);
        claims.expires_at = Some(iat + UnixTimeStamp::from_secs(300));
        (
            200,
            json!({ "id_token": signer.sign(claims).unwrap() }).to_string(),
        )
    }));
    let cb = t
        .get(
            &format!("/api/auth/callback?code=abc&state={}", q["state"]),
            None,
        )
        .await;
    assert_eq!(cb.status, StatusCode::SEE_OTHER, "{}", cb.text());
    let sent = t.http.sent.lock().unwrap().clone();
    assert_eq!(sent[0].0, "https://esia.example/aas/oauth2/te");
    assert!(sent[0].1.contains(&(
        "redirect_uri".into(),
        "https://edu.example/api/auth/callback".into()
    )));
    let me = t
        .get("/api/me", Some(&session_from(&cb.set_cookie())))
        .await
        .json();
    assert_eq!(me["display_name"], "Смирнова Анна");
}

#[tokio::test]
async fn outside_development_a_missing_setting_is_a_clear_page() {
    let vars = [
        ("ENVIRONMENT", "production"),
        ("PUBLIC_URL", "https://edu.example"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let t = TestApp::with_config(Config::from_vars(&vars).unwrap());
    let r = t.get("/api/auth/login", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        r.text().contains("не задан параметр ESIA_PUBLIC_KEYS"),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn dev_idp_is_404_outside_development() {
    let key = jwt_simple::prelude::ES256KeyPair::generate();
    let mut oidc = settings();
    oidc.keys = vec![VerifyingKey::Es256(key.public_key())];
    let t = TestApp::with_config(Config::with_oidc(Environment::Production, BASE, oidc));
    for (method, path) in [
        (Method::GET, "/dev/idp?response_type=code"),
        (Method::POST, "/dev/idp/login"),
        (Method::POST, "/dev/idp/persons"),
        (Method::POST, "/dev/idp/token"),
    ] {
        let r = t
            .send(Req::new(method, path).form(&[("oid", PARENT)]))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn logout_deletes_the_session() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    assert_eq!(t.kv.len(), 1);
    let r = t
        .send(
            Req::new(Method::POST, "/api/auth/logout")
                .session(&s)
                .header("sec-fetch-site", "same-origin"),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.set_cookie().contains("Max-Age=0"));
    assert_eq!(t.kv.len(), 0);
    let me = t.get("/api/me", Some(&s)).await;
    assert_eq!(me.status, StatusCode::UNAUTHORIZED);
    assert_eq!(me.code(), "unauthorized");
}

#[tokio::test]
async fn an_idle_session_expires_after_30_minutes() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    t.clock.advance(29 * 60);
    assert_eq!(
        t.get("/api/me", Some(&s)).await.status,
        StatusCode::OK,
        "use renews the idle time"
    );
    t.clock.advance(29 * 60);
    assert_eq!(t.get("/api/me", Some(&s)).await.status, StatusCode::OK);
    t.clock.advance(31 * 60);
    let r = t.get("/api/me", Some(&s)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        r.json()["error"]["message"],
        "Войдите через Госуслуги, чтобы продолжить"
    );
}

#[tokio::test]
async fn an_active_session_ends_after_12_hours() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    for _ in 0..(12 * 60 / 20 - 1) {
        t.clock.advance(20 * 60);
        assert_eq!(t.get("/api/me", Some(&s)).await.status, StatusCode::OK);
    }
    t.clock.advance(20 * 60);
    assert_eq!(
        t.get("/api/me", Some(&s)).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn garbage_session_cookies_are_401_not_500() {
    let t = TestApp::new();
    for bad in ["", "x", "../../etc", &"f".repeat(64), &"z".repeat(64)] {
        assert_eq!(
            t.get("/api/me", Some(bad)).await.status,
            StatusCode::UNAUTHORIZED,
            "{bad}"
        );
    }
    assert_eq!(
        t.get("/api/me", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn has_applications_turns_on_once_the_user_has_one() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    assert_eq!(
        t.get("/api/me", Some(&s)).await.json()["has_applications"],
        false
    );
    t.db.exec(
        "INSERT INTO children (id, user_id, last_name, first_name, birth_date, gender, created_at, updated_at)
         SELECT 'c1', id, 'Тестов', 'Мирон', '2022-05-01', 'M', '2026-12-04T09:00:00Z', '2026-12-04T09:00:00Z'
         FROM users WHERE esia_oid = '1000001';
         INSERT INTO applications (id, user_id, child_id, organization_id, status, created_at)
         SELECT 'a1', id, 'c1', 1, 'queued', '2026-12-04T09:00:00Z' FROM users WHERE esia_oid = '1000001'",
    );
    assert_eq!(
        t.get("/api/me", Some(&s)).await.json()["has_applications"],
        true
    );
    let other = t.login_as(OTHER_PARENT).await;
    assert_eq!(
        t.get("/api/me", Some(&other)).await.json()["has_applications"],
        false
    );
}
