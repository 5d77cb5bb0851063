//! The development identity provider, modelled on ESIA: an authorization
//! page that lists test persons, authorization codes bound to the client,
//! redirect URI, nonce and PKCE challenge, and id_tokens signed with its own
//! ES256 key. Served only when ENVIRONMENT=development; the portal verifies
//! its tokens on the same code path as ESIA's (`oidc::verify_id_token`).

use chrono::Duration;
use jwt_simple::prelude::*;

use super::oidc::{pkce_challenge, PersonClaims};
use super::{App, Error, Result};
use crate::config::{OidcSettings, VerifyingKey, ESIA_SCOPE};
use crate::domain::{
    date::parse_birth_date, email::Email, name, name::NamePart, snils::Snils, FieldErrors,
};
use crate::store::{self, dev_idp::DevCode, dev_idp::DevPerson, dev_idp::ListedPerson};

pub const CLIENT_ID: &str = "kabinet-dev";
const CODE_LIFETIME_SECS: i64 = 120;
const TOKEN_LIFETIME_SECS: i64 = 300;

/// The development key. It is public on purpose: it signs only for the
/// development issuer, which no production configuration trusts.
const DEV_SIGNING_SEED: [u8; 32] = *b"kabinet-dev-idp-not-a-secret-key";

fn key_pair() -> ES256KeyPair {
    ES256KeyPair::from_bytes(&DEV_SIGNING_SEED).expect("valid P-256 scalar")
}

pub fn issuer(public_url: &str) -> String {
    format!("{public_url}/dev/idp")
}

pub fn settings(public_url: &str) -> OidcSettings {
    OidcSettings {
        issuer: issuer(public_url),
        authorize_url: format!("{public_url}/dev/idp"),
        token_url: None,
        client_id: CLIENT_ID.to_string(),
        client_secret: String::new(),
        keys: vec![VerifyingKey::Es256(key_pair().public_key())],
        scope: ESIA_SCOPE.to_string(),
    }
}

/// The parameters of an authorization request, carried through the page's forms.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AuthRequest {
    #[serde(default)]
    pub response_type: String,
    #[serde(default)]
    pub client_id: String,
    #[serde(default)]
    pub redirect_uri: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub nonce: String,
    #[serde(default)]
    pub code_challenge: String,
    #[serde(default)]
    pub code_challenge_method: String,
}

impl AuthRequest {
    /// Checks the request as a provider must before showing its login page.
    pub fn check(&self, app: &App) -> Result<()> {
        let refuse = |what: &str| {
            Err(Error::BadRequest(format!(
                "Неверный запрос на вход: {what}"
            )))
        };
        if self.response_type != "code" {
            return refuse("response_type должен быть code");
        }
        if self.client_id != CLIENT_ID {
            return refuse("неизвестный client_id");
        }
        if self.redirect_uri != app.config.redirect_uri() {
            return refuse("redirect_uri не зарегистрирован");
        }
        if !self.scope.split(' ').any(|s| s == "openid") {
            return refuse("scope должен содержать openid");
        }
        if self.state.is_empty() || self.nonce.is_empty() {
            return refuse("нет state или nonce");
        }
        if self.code_challenge_method != "S256" || self.code_challenge.len() < 43 {
            return refuse("нужен PKCE с методом S256");
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.response_type.is_empty() && self.client_id.is_empty()
    }
}

pub async fn persons(app: &App) -> Result<Vec<ListedPerson>> {
    Ok(store::dev_idp::list(app.db.as_ref()).await?)
}

/// "Войти как ...": issues a code for an existing person; returns where to redirect.
pub async fn authorize(app: &App, req: &AuthRequest, oid: &str) -> Result<String> {
    req.check(app)?;
    if store::dev_idp::get(app.db.as_ref(), oid).await?.is_none() {
        return Err(Error::BadRequest(
            "Такого тестового пользователя нет".into(),
        ));
    }
    let code = crate::ports::random_hex(24);
    let expires = app.clock.now() + Duration::seconds(CODE_LIFETIME_SECS);
    store::dev_idp::insert_code(
        app.db.as_ref(),
        &DevCode {
            code: code.clone(),
            oid: oid.to_string(),
            client_id: req.client_id.clone(),
            redirect_uri: req.redirect_uri.clone(),
            nonce: req.nonce.clone(),
            code_challenge: req.code_challenge.clone(),
            expires_at: store::ts(expires),
        },
    )
    .await?;
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("code", &code)
        .append_pair("state", &req.state)
        .finish();
    Ok(format!("{}?{query}", req.redirect_uri))
}

/// The form "Новый пользователь" as typed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NewPersonForm {
    #[serde(default)]
    pub last_name: String,
    #[serde(default)]
    pub first_name: String,
    #[serde(default)]
    pub middle_name: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub snils: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub gender: String,
}

/// Creates a test person from the form, then logs them in as `authorize` does.
pub async fn create_person(app: &App, req: &AuthRequest, form: &NewPersonForm) -> Result<String> {
    req.check(app)?;
    let today = app.clock.now().date_naive();
    let mut errors = FieldErrors::new();
    let last = errors.take("last_name", NamePart::parse(&form.last_name, "фамилию"));
    let first = errors.take("first_name", NamePart::parse(&form.first_name, "имя"));
    let middle = errors.take(
        "middle_name",
        name::parse_optional(Some(&form.middle_name), "отчество"),
    );
    let birth = errors.take("birth_date", parse_birth_date(&form.birth_date, today));
    let snils = errors.take("snils", Snils::parse(&form.snils));
    let email = errors.take("email", Email::parse(&form.email));
    let gender = errors.take("gender", crate::domain::gender::Gender::parse(&form.gender));
    let (
        Some(last),
        Some(first),
        Some(middle),
        Some(birth),
        Some(snils),
        Some(email),
        Some(gender),
    ) = (last, first, middle, birth, snils, email, gender)
    else {
        return Err(Error::Validation(errors));
    };
    let oid = format!("dev-{}", &crate::ports::random_hex(8));
    let person = DevPerson {
        oid: oid.clone(),
        last_name: last.as_str().to_string(),
        first_name: first.as_str().to_string(),
        middle_name: middle.map(|m| m.as_str().to_string()),
        birth_date: birth.format("%Y-%m-%d").to_string(),
        gender: gender.code().to_string(),
        snils: snils.digits().to_string(),
        email: email.as_str().to_string(),
        phone: None,
    };
    store::dev_idp::insert(app.db.as_ref(), &person, &store::ts(app.clock.now())).await?;
    authorize(app, req, &oid).await
}

/// The token endpoint: trades a code (once) for a signed id_token.
/// Errors are OAuth error codes ("invalid_grant", "invalid_client").
pub async fn exchange(
    app: &App,
    code: &str,
    code_verifier: &str,
    client_id: &str,
    redirect_uri: &str,
) -> Result<String, String> {
    let db = app.db.as_ref();
    let grant = store::dev_idp::take_code(db, code)
        .await
        .map_err(|e| format!("server_error: {e}"))?
        .ok_or("invalid_grant")?;
    let now = app.clock.now();
    if store::ts(now) > grant.expires_at {
        return Err("invalid_grant".into());
    }
    if grant.client_id != client_id {
        return Err("invalid_client".into());
    }
    if grant.redirect_uri != redirect_uri || pkce_challenge(code_verifier) != grant.code_challenge {
        return Err("invalid_grant".into());
    }
    let person = store::dev_idp::get(db, &grant.oid)
        .await
        .map_err(|e| format!("server_error: {e}"))?
        .ok_or("invalid_grant")?;
    let claims = PersonClaims {
        family_name: Some(person.last_name),
        given_name: Some(person.first_name),
        middle_name: person.middle_name,
        birthdate: Some(person.birth_date),
        gender: Some(person.gender),
        snils: Some(person.snils),
        email: Some(person.email),
        phone_number: person.phone,
    };
    sign(
        &app.config.public_url,
        &grant.oid,
        &grant.nonce,
        claims,
        now.timestamp(),
    )
    .map_err(|e| format!("server_error: {e}"))
}

/// Signs an id_token as the development provider. Public for the tests that
/// feed tampered and expired tokens through the real verification.
pub fn sign(
    public_url: &str,
    subject: &str,
    nonce: &str,
    person: PersonClaims,
    issued_at_unix: i64,
) -> std::result::Result<String, jwt_simple::Error> {
    let mut claims =
        Claims::with_custom_claims(person, jwt_simple::prelude::Duration::from_secs(1))
            .with_issuer(issuer(public_url))
            .with_audience(CLIENT_ID)
            .with_subject(subject)
            .with_nonce(nonce);
    let iat = UnixTimeStamp::from_secs(issued_at_unix.max(0) as u64);
    claims.issued_at = Some(iat);
    claims.invalid_before = Some(iat);
    claims.expires_at = Some(iat + UnixTimeStamp::from_secs(TOKEN_LIFETIME_SECS as u64));
    key_pair().sign(claims)
}
