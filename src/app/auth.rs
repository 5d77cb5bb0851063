//! Login through ESIA (OpenID Connect authorization code flow with state,
//! nonce and PKCE) and logout.

use chrono::Duration;
use serde::Deserialize;

use super::oidc::{self, PersonClaims};
use super::{dev_idp, jobs, session, App, Error, Result};
use crate::store::{self, logins::PendingLogin, users::EsiaProfile};

const LOGIN_LIFETIME_SECS: i64 = 600;

/// Starts a login: remembers state, nonce and PKCE verifier; returns the
/// provider's authorization URL to redirect the browser to.
pub async fn start(app: &App) -> Result<String> {
    let settings = app
        .config
        .oidc()
        .map_err(|why| Error::NotConfigured(why.to_string()))?;
    let login = PendingLogin {
        state: crate::ports::random_hex(16),
        nonce: crate::ports::random_hex(16),
        code_verifier: crate::ports::random_hex(32),
        expires_at: store::ts(app.clock.now() + Duration::seconds(LOGIN_LIFETIME_SECS)),
    };
    store::logins::insert(app.db.as_ref(), &login).await?;
    Ok(oidc::authorize_url(
        settings,
        &app.config.redirect_uri(),
        &login.state,
        &login.nonce,
        &oidc::pkce_challenge(&login.code_verifier),
    ))
}

/// What the provider sent back to the callback.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    pub code: Option<String>,
    pub state: Option<String>,
    pub error: Option<String>,
}

/// Finishes a login: checks state, trades the code, verifies the id_token,
/// stores the person's data and opens a new session; returns the session id.
pub async fn finish(app: &App, cb: &Callback) -> Result<String> {
    let settings = app
        .config
        .oidc()
        .map_err(|why| Error::NotConfigured(why.to_string()))?;
    if let Some(error) = &cb.error {
        return Err(Error::LoginRefused(format!(
            "provider returned error {error}"
        )));
    }
    let (Some(code), Some(state)) = (cb.code.as_deref(), cb.state.as_deref()) else {
        return Err(Error::LoginRefused("callback without code or state".into()));
    };
    let login = store::logins::take(app.db.as_ref(), state)
        .await?
        .ok_or_else(|| Error::LoginRefused("unknown or used state".into()))?;
    let now = app.clock.now();
    if store::ts(now) > login.expires_at {
        return Err(Error::LoginRefused("login took too long".into()));
    }
    let redirect_uri = app.config.redirect_uri();
    let id_token = match &settings.token_url {
        None => dev_idp::exchange(
            app,
            code,
            &login.code_verifier,
            &settings.client_id,
            &redirect_uri,
        )
        .await
        .map_err(|e| Error::LoginRefused(format!("token endpoint: {e}")))?,
        Some(url) => {
            let (status, body) = app
                .http
                .post_form(
                    url,
                    &[
                        ("grant_type", "authorization_code"),
                        ("code", code),
                        ("redirect_uri", &redirect_uri),
                        ("client_id", &settings.client_id),
                        ("client_secret", &settings.client_secret),
                        ("code_verifier", &login.code_verifier),
                    ],
                )
                .await?;
            #[derive(Deserialize)]
            struct TokenResponse {
                id_token: String,
            }
            match serde_json::from_str::<TokenResponse>(&body) {
                Ok(t) if status == 200 => t.id_token,
                _ => {
                    return Err(Error::LoginRefused(format!(
                        "token endpoint answered {status}"
                    )))
                }
            }
        }
    };
    let identity = oidc::verify_id_token(settings, &id_token, &login.nonce, now)
        .map_err(|e| Error::LoginRefused(e.to_string()))?;
    let profile = profile_from_claims(&identity.subject, identity.person)?;
    let user_id = store::users::upsert_from_esia(
        app.db.as_ref(),
        &uuid::Uuid::new_v4().to_string(),
        &profile,
        &store::ts(now),
    )
    .await?;
    let session_id = session::create(app, &user_id).await?;
    jobs::audit(app, Some(&user_id), "login", "вход через ЕСИА").await?;
    Ok(session_id)
}

/// The stored profile: ESIA's data as passed, with SNILS as digits only.
fn profile_from_claims(subject: &str, p: PersonClaims) -> Result<EsiaProfile> {
    let (Some(last_name), Some(first_name)) = (p.family_name, p.given_name) else {
        return Err(Error::LoginRefused(
            "id_token has no fullname claims".into(),
        ));
    };
    let snils = p
        .snils
        .map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|s| !s.is_empty());
    Ok(EsiaProfile {
        esia_oid: subject.to_string(),
        last_name,
        first_name,
        middle_name: p.middle_name.filter(|m| !m.is_empty()),
        birth_date: p.birthdate,
        gender: p.gender.filter(|g| g == "M" || g == "F"),
        snils,
        email: p.email,
        phone: p.phone_number,
    })
}

pub async fn logout(app: &App, session_id: &str, user_id: &str) -> Result<()> {
    session::destroy(app, session_id).await?;
    jobs::audit(app, Some(user_id), "logout", "выход").await
}
