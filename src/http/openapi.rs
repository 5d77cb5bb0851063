//! The OpenAPI 3 document at /api/openapi.json. It lists exactly the routes
//! of `routes()` (a test compares them), with the shapes clients rely on.

use serde_json::{json, Value};

fn error_ref(description: &str) -> Value {
    json!({ "description": description,
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

pub fn document() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Kabinet — личный кабинет портала муниципальных услуг",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "JSON API личного кабинета. Сессия — cookie kabinet_session (HttpOnly). Изменяющие запросы с другого сайта отклоняются (403)."
        },
        "paths": {
            "/api/health": { "get": {
                "summary": "Проверка работоспособности",
                "responses": { "200": { "description": "Работает",
                    "content": { "application/json": { "schema": { "type": "object",
                        "properties": { "status": { "type": "string", "enum": ["ok"] } } } } } } } } },
            "/api/openapi.json": { "get": {
                "summary": "Этот документ",
                "responses": { "200": { "description": "Документ OpenAPI 3" } } } },
            "/api/auth/login": { "get": {
                "summary": "Начать вход через ЕСИА (перенаправление на страницу входа)",
                "responses": { "303": { "description": "На страницу входа поставщика" },
                               "503": { "description": "Вход не настроен (страница HTML)" } } } },
            "/api/auth/callback": { "get": {
                "summary": "Возврат от ЕСИА: проверка state, обмен кода, проверка id_token",
                "parameters": [
                    { "name": "code", "in": "query", "schema": { "type": "string" } },
                    { "name": "state", "in": "query", "schema": { "type": "string" } },
                    { "name": "error", "in": "query", "schema": { "type": "string" } } ],
                "responses": { "303": { "description": "Вход выполнен, cookie установлена, переход в кабинет" },
                               "400": { "description": "Вход не подтверждён (страница HTML)" } } } },
            "/api/auth/logout": { "post": {
                "summary": "Выход: сессия удаляется",
                "responses": { "204": { "description": "Сессия закрыта, cookie удалена" },
                               "403": error_ref("Запрос с другого сайта") } } },
            "/api/me": { "get": {
                "summary": "Текущий пользователь: личные данные из ЕСИА, роли, организации",
                "responses": { "200": { "description": "Профиль",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Me" } } } },
                    "401": error_ref("Нет действующей сессии") } } },
            "/dev/idp": { "get": {
                "summary": "Тестовый ЕСИА: страница входа (только ENVIRONMENT=development)",
                "responses": { "200": { "description": "Страница HTML" }, "404": { "description": "Не в среде разработки" } } } },
            "/dev/idp/login": { "post": {
                "summary": "Тестовый ЕСИА: войти как тестовый пользователь",
                "responses": { "303": { "description": "Обратно в портал с кодом" }, "404": { "description": "Не в среде разработки" } } } },
            "/dev/idp/persons": { "post": {
                "summary": "Тестовый ЕСИА: новый пользователь",
                "responses": { "303": { "description": "Обратно в портал с кодом" },
                               "422": { "description": "Ошибки в форме (страница HTML)" },
                               "404": { "description": "Не в среде разработки" } } } },
            "/dev/idp/token": { "post": {
                "summary": "Тестовый ЕСИА: обмен кода на id_token",
                "responses": { "200": { "description": "id_token" }, "400": { "description": "Ошибка OAuth 2.0" },
                               "404": { "description": "Не в среде разработки" } } } }
        },
        "components": { "schemas": {
            "Error": { "type": "object", "required": ["error"], "properties": { "error": {
                "type": "object", "required": ["code", "message", "fields"],
                "properties": {
                    "code": { "type": "string" },
                    "message": { "type": "string", "description": "Сообщение на русском языке" },
                    "fields": { "type": "object", "additionalProperties": { "type": "string" },
                                "description": "Поле -> сообщение об ошибке в этом поле" } } } } },
            "Me": { "type": "object", "properties": {
                "id": { "type": "string" },
                "display_name": { "type": "string" },
                "roles": { "type": "array", "items": { "type": "string", "enum": ["parent", "operator", "portal_admin"] } },
                "has_applications": { "type": "boolean" },
                "operator_of": { "type": "array", "items": { "type": "object", "properties": {
                    "id": { "type": "integer" }, "name": { "type": "string" },
                    "short_name": { "type": "string" }, "position": { "type": "string" } } } },
                "personal": { "type": "object", "properties": {
                    "last_name": { "type": "string" }, "first_name": { "type": "string" },
                    "middle_name": { "type": "string", "nullable": true },
                    "birth_date": { "type": "string", "format": "date", "nullable": true },
                    "gender": { "type": "string", "enum": ["M", "F"], "nullable": true },
                    "snils": { "type": "string", "nullable": true },
                    "email": { "type": "string", "nullable": true },
                    "phone": { "type": "string", "nullable": true },
                    "received_at": { "type": "string", "format": "date-time" } } } } }
        } }
    })
}
