//! The OpenAPI 3 document at /api/openapi.json. It lists exactly the routes
//! of `routes()` (a test compares them), with the shapes clients rely on.

use serde_json::{json, Value};

fn error_ref(description: &str) -> Value {
    json!({ "description": description,
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } })
}

fn id_param(name: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "schema": { "type": "string" } })
}

fn child_ok() -> Value {
    json!({ "description": "Ребенок целиком",
            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Child" } } } })
}

fn text() -> Value {
    json!({ "type": "string" })
}

pub fn document() -> Value {
    let address = json!({ "type": "object", "properties": {
        "region": text(), "district": text(), "locality": text(), "street": text(),
        "house": text(), "building": text(), "flat": text(), "postcode": text() } });
    let new_child = json!({ "type": "object", "required": ["last_name", "first_name", "birth_date", "gender"],
        "properties": { "last_name": text(), "first_name": text(), "middle_name": text(),
            "birth_date": { "type": "string", "format": "date" }, "gender": { "type": "string", "enum": ["M", "F"] } } });
    let health = json!({ "type": "object", "properties": {
        "health_group": { "type": "string", "enum": ["I", "II", "III", "IV", "V"], "nullable": true },
        "disability": { "type": "boolean" }, "adapted_program": { "type": "boolean" },
        "pmpk_number": text(), "pmpk_date": { "type": "string", "format": "date" },
        "health_notes": { "type": "string", "maxLength": 1000 } } });
    let doc_types = json!([
        "birth_certificate",
        "foreign_birth_certificate",
        "zags_extract",
        "snils",
        "oms_policy",
        "pmpk_conclusion",
        "benefit_proof",
        "other"
    ]);
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
            "/api/children": {
                "get": { "summary": "Дети пользователя (вкладка «Дети»)",
                    "responses": { "200": { "description": "Список: ФИО, дата рождения, есть ли документ о рождении" },
                                   "401": error_ref("Нет сессии") } },
                "post": { "summary": "Добавить ребенка",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewChild" } } } },
                    "responses": { "201": child_ok(), "401": error_ref("Нет сессии"),
                                   "422": error_ref("Ошибки в полях") } } },
            "/api/children/{id}": {
                "parameters": [ id_param("id") ],
                "get": { "summary": "Ребенок: основная информация, здоровье, документы",
                    "responses": { "200": child_ok(), "404": error_ref("Нет такого ребенка у пользователя") } },
                "delete": { "summary": "Удалить ребенка",
                    "responses": { "204": { "description": "Удален вместе с документами" },
                                   "404": error_ref("Нет такого ребенка у пользователя"),
                                   "409": error_ref("По ребенку есть заявление в работе") } } },
            "/api/children/{id}/main": {
                "parameters": [ id_param("id") ],
                "put": { "summary": "Сохранить «Основную информацию» (личные данные и адреса)",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ChildMain" } } } },
                    "responses": { "200": child_ok(), "404": error_ref("Нет такого ребенка"),
                                   "409": error_ref("Данные уже изменены: обновите страницу"),
                                   "422": error_ref("Ошибки в полях") } } },
            "/api/children/{id}/health": {
                "parameters": [ id_param("id") ],
                "put": { "summary": "Сохранить «Информацию о здоровье»",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } },
                    "responses": { "200": child_ok(), "404": error_ref("Нет такого ребенка"),
                                   "409": error_ref("Данные уже изменены: обновите страницу"),
                                   "422": error_ref("Ошибки в полях") } } },
            "/api/children/{id}/documents": {
                "parameters": [ id_param("id") ],
                "post": { "summary": "Добавить документ ребенка",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ChildDocument" } } } },
                    "responses": { "201": child_ok(), "404": error_ref("Нет такого ребенка"),
                                   "422": error_ref("Ошибки в полях") } } },
            "/api/children/{id}/documents/{doc_id}": {
                "parameters": [ id_param("id"), id_param("doc_id") ],
                "delete": { "summary": "Удалить документ ребенка",
                    "responses": { "200": child_ok(), "404": error_ref("Нет такого документа") } } },
            "/api/documents": {
                "get": { "summary": "Документы пользователя (вкладка «Документы»)",
                    "responses": { "200": { "description": "Список документов" }, "401": error_ref("Нет сессии") } },
                "post": { "summary": "Добавить документ",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserDocument" } } } },
                    "responses": { "201": { "description": "Документ" }, "422": error_ref("Ошибки в полях") } } },
            "/api/documents/{id}": {
                "parameters": [ id_param("id") ],
                "put": { "summary": "Изменить документ (с версией)",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserDocument" } } } },
                    "responses": { "200": { "description": "Документ" }, "404": error_ref("Нет такого документа"),
                                   "409": error_ref("Устаревшая версия"), "422": error_ref("Ошибки в полях") } },
                "delete": { "summary": "Удалить документ",
                    "responses": { "204": { "description": "Удален" }, "404": error_ref("Нет такого документа") } } },
            "/api/positions": {
                "get": { "summary": "Должности и места работы (вкладка «Должности»)",
                    "responses": { "200": { "description": "Список" }, "401": error_ref("Нет сессии") } },
                "post": { "summary": "Добавить место работы",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Position" } } } },
                    "responses": { "201": { "description": "Место работы" }, "422": error_ref("Ошибки в полях") } } },
            "/api/positions/{id}": {
                "parameters": [ id_param("id") ],
                "put": { "summary": "Изменить место работы (с версией)",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Position" } } } },
                    "responses": { "200": { "description": "Место работы" }, "404": error_ref("Нет такой записи"),
                                   "409": error_ref("Устаревшая версия"), "422": error_ref("Ошибки в полях") } },
                "delete": { "summary": "Удалить должность (должность оператора — вместе с правами)",
                    "responses": { "204": { "description": "Удалена" }, "404": error_ref("Нет такой записи") } } },
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
            "NewChild": new_child,
            "UserDocument": { "type": "object", "required": ["doc_type", "number", "issued_on"], "properties": {
                "version": { "type": "integer", "description": "Для изменения" },
                "doc_type": { "type": "string", "enum": ["passport_rf", "foreign_passport", "marriage_certificate", "name_change_certificate", "other"] },
                "series": text(), "number": text(), "issued_on": { "type": "string", "format": "date" },
                "issued_by": text(), "division_code": text() } },
            "Position": { "type": "object", "required": ["organization_name", "title"], "properties": {
                "version": { "type": "integer", "description": "Для изменения" },
                "organization_name": text(), "title": text(), "started_on": { "type": "string", "format": "date" } } },
            "ChildMain": { "allOf": [ { "$ref": "#/components/schemas/NewChild" }, { "type": "object",
                "required": ["version"], "properties": {
                "version": { "type": "integer" }, "snils": text(),
                "citizenship": { "type": "string", "enum": ["russia", "foreign", "stateless"] },
                "registration": address, "actual_same_as_registration": { "type": "boolean" }, "actual": address } } ] },
            "Health": { "allOf": [ health, { "type": "object", "required": ["version"],
                "properties": { "version": { "type": "integer" } } } ] },
            "ChildDocument": { "type": "object", "required": ["doc_type", "number", "issued_on"], "properties": {
                "doc_type": { "type": "string", "enum": doc_types }, "series": text(), "number": text(),
                "issued_on": { "type": "string", "format": "date" }, "issued_by": text(), "act_record_number": text() } },
            "Child": { "type": "object", "properties": {
                "id": text(), "version": { "type": "integer" }, "last_name": text(), "first_name": text(),
                "middle_name": text(), "birth_date": { "type": "string", "format": "date" }, "gender": text(),
                "snils": text(), "citizenship": text(), "registration": address, "actual_same_as_registration": { "type": "boolean" },
                "actual": address, "health": health,
                "documents": { "type": "array", "items": { "$ref": "#/components/schemas/ChildDocument" } },
                "has_birth_document": { "type": "boolean" }, "has_active_applications": { "type": "boolean" } } },
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
