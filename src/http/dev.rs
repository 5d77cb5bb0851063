//! The development identity provider's pages ("Вход через тестовый ЕСИА").

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::error::PageError;
use super::extract::{DevOnly, PageForm, PageQuery};
use super::pages::{escape, html, layout};
use crate::app::dev_idp::{self, AuthRequest, NewPersonForm};
use crate::app::{App, Error};
use crate::domain::FieldErrors;
use crate::store::dev_idp::ListedPerson;

/// GET /dev/idp: the login page for an authorization request.
pub async fn page(
    _: DevOnly,
    State(app): State<App>,
    PageQuery(req): PageQuery<AuthRequest>,
) -> Result<Response, PageError> {
    if req.is_empty() {
        // Opened directly: start a login so that the page has a request to answer.
        return Ok(Redirect::to("/api/auth/login").into_response());
    }
    req.check(&app)?;
    let persons = dev_idp::persons(&app).await?;
    Ok(html(
        StatusCode::OK,
        &render(
            &req,
            &persons,
            &NewPersonForm::default(),
            &FieldErrors::new(),
        ),
    ))
}

#[derive(Deserialize)]
pub struct LoginAs {
    #[serde(default)]
    oid: String,
    #[serde(flatten)]
    req: AuthRequest,
}

/// POST /dev/idp/login: "Войти как ...".
pub async fn login_as(
    _: DevOnly,
    State(app): State<App>,
    PageForm(form): PageForm<LoginAs>,
) -> Result<Response, PageError> {
    let to = dev_idp::authorize(&app, &form.req, &form.oid).await?;
    Ok(Redirect::to(&to).into_response())
}

#[derive(Deserialize)]
pub struct NewPerson {
    #[serde(flatten)]
    req: AuthRequest,
    #[serde(flatten)]
    person: NewPersonForm,
}

/// POST /dev/idp/persons: "Новый пользователь" -> "Войти".
pub async fn create_person(
    _: DevOnly,
    State(app): State<App>,
    PageForm(form): PageForm<NewPerson>,
) -> Result<Response, PageError> {
    match dev_idp::create_person(&app, &form.req, &form.person).await {
        Ok(to) => Ok(Redirect::to(&to).into_response()),
        Err(Error::Validation(errors)) => {
            let persons = dev_idp::persons(&app).await?;
            Ok(html(
                StatusCode::UNPROCESSABLE_ENTITY,
                &render(&form.req, &persons, &form.person, &errors),
            ))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct TokenRequest {
    #[serde(default)]
    grant_type: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    code_verifier: String,
    #[serde(default)]
    client_id: String,
    #[serde(default)]
    redirect_uri: String,
}

/// POST /dev/idp/token: the token endpoint over HTTP (OAuth 2.0 error shape).
pub async fn token(
    _: DevOnly,
    State(app): State<App>,
    PageForm(t): PageForm<TokenRequest>,
) -> Response {
    if t.grant_type != "authorization_code" {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "unsupported_grant_type"})),
        )
            .into_response();
    }
    match dev_idp::exchange(
        &app,
        &t.code,
        &t.code_verifier,
        &t.client_id,
        &t.redirect_uri,
    )
    .await
    {
        Ok(id_token) => Json(json!({
            "id_token": id_token, "token_type": "Bearer", "expires_in": 300,
            "access_token": crate::ports::random_hex(16)
        }))
        .into_response(),
        Err(code) => {
            let code = code
                .split(':')
                .next()
                .unwrap_or("invalid_grant")
                .to_string();
            (StatusCode::BAD_REQUEST, Json(json!({ "error": code }))).into_response()
        }
    }
}

fn role(p: &ListedPerson) -> String {
    if p.is_portal_admin == Some(1) {
        "администратор портала".into()
    } else if let Some(org) = &p.operator_of {
        format!("оператор, {org}")
    } else {
        "родитель".into()
    }
}

fn hidden(req: &AuthRequest) -> String {
    [
        ("response_type", &req.response_type),
        ("client_id", &req.client_id),
        ("redirect_uri", &req.redirect_uri),
        ("scope", &req.scope),
        ("state", &req.state),
        ("nonce", &req.nonce),
        ("code_challenge", &req.code_challenge),
        ("code_challenge_method", &req.code_challenge_method),
    ]
    .iter()
    .map(|(k, v)| format!(r#"<input type="hidden" name="{k}" value="{}">"#, escape(v)))
    .collect()
}

fn field(
    name: &str,
    label: &str,
    kind: &str,
    hint: Option<&str>,
    required: bool,
    value: &str,
    errors: &FieldErrors,
) -> String {
    let id = format!("np-{name}");
    let error = errors.get(name);
    let mut described = Vec::new();
    let hint_html = hint.map_or(String::new(), |h| {
        described.push(format!("{id}-hint"));
        format!(r#"<p class="hint" id="{id}-hint">{}</p>"#, escape(h))
    });
    let error_html = error.map_or(String::new(), |e| {
        described.push(format!("{id}-error"));
        format!(
            r#"<p class="field-error" id="{id}-error">{}</p>"#,
            escape(e)
        )
    });
    let aria = if described.is_empty() {
        String::new()
    } else {
        format!(r#" aria-describedby="{}""#, described.join(" "))
    };
    format!(
        r#"<div class="field{cls}"><label for="{id}">{label}{star}</label>{hint_html}{error_html}<input id="{id}" name="{name}" type="{kind}" value="{value}"{req}{invalid}{aria}></div>"#,
        cls = if error.is_some() { " has-error" } else { "" },
        label = escape(label),
        // The star is for the eye; `required` tells assistive technology.
        star = if required {
            r#"<span class="star" aria-hidden="true"> *</span>"#
        } else {
            ""
        },
        value = escape(value),
        req = if required { " required" } else { "" },
        invalid = if error.is_some() {
            r#" aria-invalid="true""#
        } else {
            ""
        },
    )
}

fn render(
    req: &AuthRequest,
    persons: &[ListedPerson],
    form: &NewPersonForm,
    errors: &FieldErrors,
) -> String {
    let hidden = hidden(req);
    let list: String = persons
        .iter()
        .map(|p| {
            let full = [Some(p.last_name.as_str()), Some(p.first_name.as_str()), p.middle_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            format!(
                r#"<li class="person"><form method="post" action="/dev/idp/login">{hidden}<input type="hidden" name="oid" value="{oid}"><span class="person-name">{name}</span> <span class="tag">{role}</span> <button type="submit" class="button">Войти как {name}</button></form></li>"#,
                oid = escape(&p.oid),
                name = escape(&full),
                role = escape(&role(p)),
            )
        })
        .collect();
    let summary = if errors.is_empty() {
        String::new()
    } else {
        let items: String = errors
            .clone()
            .into_map()
            .iter()
            .map(|(f, m)| format!(r##"<li><a href="#np-{f}">{}</a></li>"##, escape(m)))
            .collect();
        format!(
            r#"<div class="error-summary" role="alert" tabindex="-1"><h2>Исправьте ошибки</h2><ul>{items}</ul></div>"#
        )
    };
    let g = |code: &str| if form.gender == code { " checked" } else { "" };
    let gender_error = errors.get("gender").map_or(String::new(), |e| {
        format!(
            r#"<p class="field-error" id="np-gender-error">{}</p>"#,
            escape(e)
        )
    });
    let main = format!(
        r#"<h1>Вход через тестовый ЕСИА</h1>
<p class="notice">Это тестовый поставщик входа: он работает только в среде разработки и заменяет Госуслуги (ЕСИА).</p>
<h2>Тестовые пользователи</h2>
<ul class="persons">{list}</ul>
<h2 id="new-person">Новый пользователь</h2>
{summary}
<form method="post" action="/dev/idp/persons" class="form" novalidate>
{hidden}
<p class="hint">Поля, отмеченные *, обязательны для заполнения.</p>
{last}{first}{middle}{birth}
<fieldset class="field{gcls}" id="np-gender"><legend>Пол<span class="star" aria-hidden="true"> *</span></legend>{gender_error}
<label class="radio"><input type="radio" name="gender" value="M" required{gm}> Мужской</label>
<label class="radio"><input type="radio" name="gender" value="F"{gf}> Женский</label></fieldset>
{snils}{email}
<button type="submit" class="button primary">Войти</button>
</form>"#,
        last = field(
            "last_name",
            "Фамилия",
            "text",
            None,
            true,
            &form.last_name,
            errors
        ),
        first = field(
            "first_name",
            "Имя",
            "text",
            None,
            true,
            &form.first_name,
            errors
        ),
        middle = field(
            "middle_name",
            "Отчество",
            "text",
            Some("Если есть"),
            false,
            &form.middle_name,
            errors
        ),
        birth = field(
            "birth_date",
            "Дата рождения",
            "date",
            None,
            true,
            &form.birth_date,
            errors
        ),
        snils = field(
            "snils",
            "СНИЛС",
            "text",
            Some("Например, 112-233-445 95"),
            true,
            &form.snils,
            errors
        ),
        email = field(
            "email",
            "Email",
            "email",
            Some("Например, name@example.ru"),
            true,
            &form.email,
            errors
        ),
        gcls = if errors.get("gender").is_some() {
            " has-error"
        } else {
            ""
        },
        gm = g("M"),
        gf = g("F"),
    );
    layout("Вход через тестовый ЕСИА", &main)
}
