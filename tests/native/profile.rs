//! The "Документы" and "Должности" tabs: the user's own documents and places
//! of work, isolation, versions, and an operator's position.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::support::*;

fn passport() -> Value {
    json!({ "doc_type": "passport_rf", "series": "2710", "number": "123456", "issued_on": "2010-06-01",
            "issued_by": "ОВД г. Светлогорска", "division_code": "390-017" })
}

#[tokio::test]
async fn a_parent_keeps_a_passport_and_edits_it() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    assert_eq!(t.get("/api/documents", Some(&s)).await.json(), json!([]));
    let r = t
        .send(
            Req::new(Method::POST, "/api/documents")
                .session(&s)
                .json(passport()),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let doc = r.json();
    assert_eq!(doc["doc_type_title"], "Паспорт гражданина РФ");
    let id = doc["id"].as_str().unwrap().to_string();
    let mut edit = passport();
    edit["version"] = json!(1);
    edit["number"] = json!("654321");
    let r = t
        .send(
            Req::new(Method::PUT, &format!("/api/documents/{id}"))
                .session(&s)
                .json(edit.clone()),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["number"], "654321");
    let stale = t
        .send(
            Req::new(Method::PUT, &format!("/api/documents/{id}"))
                .session(&s)
                .json(edit),
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let r = t
        .send(Req::new(Method::DELETE, &format!("/api/documents/{id}")).session(&s))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(t.get("/api/documents", Some(&s)).await.json(), json!([]));
}

#[tokio::test]
async fn passport_fields_are_checked_each_on_its_field() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let mut bad = passport();
    bad["series"] = json!("271");
    bad["number"] = json!("12345");
    bad["issued_on"] = json!("1980-01-01"); // before the holder's birth (1988-05-14, from ESIA)
    bad["division_code"] = json!("390017");
    bad["issued_by"] = json!("");
    let r = t
        .send(
            Req::new(Method::POST, "/api/documents")
                .session(&s)
                .json(bad),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let f = r.json()["error"]["fields"].clone();
    assert_eq!(f["series"], "Серия паспорта — четыре цифры, например 2710");
    assert_eq!(f["number"], "Номер паспорта — шесть цифр, например 123456");
    assert_eq!(
        f["issued_on"],
        "Дата выдачи не может быть раньше даты рождения"
    );
    assert!(f["division_code"].as_str().unwrap().contains("390-017"));
    assert_eq!(f["issued_by"], "Укажите, кем выдан паспорт");
    assert_eq!(t.db.scalar("SELECT COUNT(*) FROM user_documents"), json!(0));
}

#[tokio::test]
async fn places_of_work_are_added_edited_and_deleted() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let r = t
        .send(Req::new(Method::POST, "/api/positions").session(&s).json(json!({
            "organization_name": "ООО «Светлогорский хлебозавод»", "title": "Технолог", "started_on": "2019-03-01"
        })))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_string();
    let r = t
        .send(Req::new(Method::PUT, &format!("/api/positions/{id}")).session(&s).json(json!({
            "version": 1, "organization_name": "ООО «Светлогорский хлебозавод»", "title": "Главный технолог"
        })))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["title"], "Главный технолог");
    assert_eq!(r.json()["started_on"], Value::Null);
    let r = t
        .send(
            Req::new(Method::POST, "/api/positions")
                .session(&s)
                .json(json!({"started_on": "2099-01-01"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.json()["error"]["fields"]["organization_name"],
        "Укажите организацию"
    );
    let r = t
        .send(Req::new(Method::DELETE, &format!("/api/positions/{id}")).session(&s))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(t.get("/api/positions", Some(&s)).await.json(), json!([]));
}

#[tokio::test]
async fn another_user_gets_404_for_documents_and_positions() {
    let t = TestApp::new();
    let owner = t.login_as(PARENT).await;
    let stranger = t.login_as(OTHER_PARENT).await;
    let doc = t
        .send(
            Req::new(Method::POST, "/api/documents")
                .session(&owner)
                .json(passport()),
        )
        .await
        .json();
    let pos = t
        .send(
            Req::new(Method::POST, "/api/positions")
                .session(&owner)
                .json(json!({"organization_name": "ООО «А»", "title": "Инженер"})),
        )
        .await
        .json();
    let (d, p) = (doc["id"].as_str().unwrap(), pos["id"].as_str().unwrap());
    let mut doc_edit = passport();
    doc_edit["version"] = json!(1);
    for req in [
        Req::new(Method::PUT, &format!("/api/documents/{d}")).json(doc_edit.clone()),
        Req::new(Method::DELETE, &format!("/api/documents/{d}")),
        Req::new(Method::PUT, &format!("/api/positions/{p}"))
            .json(json!({"version": 1, "organization_name": "Х", "title": "Х"})),
        Req::new(Method::DELETE, &format!("/api/positions/{p}")),
    ] {
        let r = t.send(req.session(&stranger)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    assert_eq!(
        t.get("/api/documents", Some(&stranger)).await.json(),
        json!([])
    );
    assert_eq!(
        t.get("/api/positions", Some(&stranger)).await.json(),
        json!([])
    );
    assert_eq!(
        t.get("/api/documents", Some(&owner)).await.json()[0]["version"],
        1
    );
    assert_eq!(
        t.get("/api/positions", Some(&owner)).await.json()[0]["title"],
        "Инженер"
    );
}

#[tokio::test]
async fn an_operator_keeps_the_organization_and_loses_the_rights_with_the_position() {
    let t = TestApp::new();
    let s = t.login_as(KINDERGARTEN_OPERATOR).await;
    let positions = t.get("/api/positions", Some(&s)).await.json();
    assert_eq!(positions[0]["is_operator"], 1);
    let id = positions[0]["id"].as_str().unwrap().to_string();
    let r = t
        .send(Req::new(Method::PUT, &format!("/api/positions/{id}")).session(&s).json(json!({
            "version": 1, "organization_name": "Чужой детский сад", "title": "Заведующая", "started_on": "2015-09-01"
        })))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        r.json()["organization_name"],
        "МБДОУ «Детский сад № 5 «Солнышко»"
    );
    assert_eq!(r.json()["title"], "Заведующая");
    let r = t
        .send(Req::new(Method::DELETE, &format!("/api/positions/{id}")).session(&s))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let me = t.get("/api/me", Some(&s)).await.json();
    assert_eq!(me["roles"], json!(["parent"]), "rights removed at once");
    assert_eq!(me["operator_of"], json!([]));
    t.drain_jobs().await;
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'operator_position_removed'"),
        json!(1)
    );
}
