//! The "Дети" tab and the child's page: add, sections, documents, isolation,
//! concurrent edits, deletion.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::support::*;

async fn add_child(t: &TestApp, s: &str) -> Value {
    let r = t
        .send(
            Req::new(Method::POST, "/api/children")
                .session(s)
                .json(json!({
                    "last_name": "Тестов", "first_name": "Мирон", "middle_name": "Ильич",
                    "birth_date": "2022-05-01", "gender": "M"
                })),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    r.json()
}

fn birth_certificate() -> Value {
    json!({
        "doc_type": "birth_certificate", "series": "II-ИВ", "number": "123456",
        "issued_on": "2022-05-10", "issued_by": "Отдел ЗАГС г. Светлогорска", "act_record_number": "170220390001"
    })
}

fn main_info(version: i64) -> Value {
    json!({
        "version": version, "last_name": "Тестов", "first_name": "Мирон", "middle_name": "Ильич",
        "birth_date": "2022-05-01", "gender": "M", "snils": "112-233-445 95", "citizenship": "russia",
        "registration": { "region": "Калининградская область", "locality": "г. Светлогорск",
                          "street": "ул. Ленина", "house": "12", "flat": "3", "postcode": "238560" },
        "actual_same_as_registration": true
    })
}

#[tokio::test]
async fn a_parent_adds_a_child_and_sees_the_name_and_birth_date() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    assert_eq!(t.get("/api/children", Some(&s)).await.json(), json!([]));
    let child = add_child(&t, &s).await;
    assert_eq!(child["version"], 1);
    assert_eq!(child["has_birth_document"], false);
    let list = t.get("/api/children", Some(&s)).await.json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["last_name"], "Тестов");
    assert_eq!(list[0]["birth_date"], "2022-05-01");
    assert_eq!(list[0]["has_birth_document"], 0);
}

#[tokio::test]
async fn the_add_form_names_each_wrong_field_and_saves_nothing() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let cases = [
        (
            json!({"last_name": "Testov", "first_name": "Мирон", "birth_date": "2022-05-01", "gender": "M"}),
            "last_name",
        ),
        (
            json!({"last_name": "Тестов", "first_name": "", "birth_date": "2022-05-01", "gender": "M"}),
            "first_name",
        ),
        (
            json!({"last_name": "Тестов", "first_name": "Мирон", "middle_name": "Il'ich", "birth_date": "2022-05-01", "gender": "M"}),
            "middle_name",
        ),
        (
            json!({"last_name": "Тестов", "first_name": "Мирон", "birth_date": "2027-01-01", "gender": "M"}),
            "birth_date",
        ),
        (
            json!({"last_name": "Тестов", "first_name": "Мирон", "birth_date": "2007-01-01", "gender": "M"}),
            "birth_date",
        ),
        (
            json!({"last_name": "Тестов", "first_name": "Мирон", "birth_date": "2022-05-01"}),
            "gender",
        ),
    ];
    for (body, field) in cases {
        let r = t
            .send(
                Req::new(Method::POST, "/api/children")
                    .session(&s)
                    .json(body.clone()),
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let fields = &r.json()["error"]["fields"];
        assert!(
            fields[field].is_string(),
            "{field} not named for {body}: {fields}"
        );
    }
    let r = t
        .send(Req::new(Method::POST, "/api/children").session(&s).json(json!({
            "last_name": "Тестов", "first_name": "Мирон", "birth_date": "2027-01-01", "gender": "M"
        })))
        .await;
    assert_eq!(
        r.json()["error"]["fields"]["birth_date"],
        "Укажите дату рождения не позже сегодняшней"
    );
    assert_eq!(t.db.scalar("SELECT COUNT(*) FROM children"), json!(0));
}

#[tokio::test]
async fn malformed_requests_are_4xx() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let r = t
        .send(
            Req::new(Method::POST, "/api/children")
                .session(&s)
                .raw("application/json", "{not json"),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = t
        .send(
            Req::new(Method::POST, "/api/children")
                .session(&s)
                .raw("text/plain", "x"),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let r = t
        .send(Req::new(Method::POST, "/api/children").json(json!({})))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let id = add_child(&t, &s).await["id"].as_str().unwrap().to_string();
    let no_version = t
        .send(
            Req::new(Method::PUT, &format!("/api/children/{id}/main"))
                .session(&s)
                .json(json!({})),
        )
        .await;
    assert_eq!(no_version.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn main_information_and_address_are_edited_and_kept() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let id = add_child(&t, &s).await["id"].as_str().unwrap().to_string();
    let r = t
        .send(
            Req::new(Method::PUT, &format!("/api/children/{id}/main"))
                .session(&s)
                .json(main_info(1)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let child = t.get(&format!("/api/children/{id}"), Some(&s)).await.json();
    assert_eq!(child["version"], 2);
    assert_eq!(child["snils"], "112-233-445 95");
    assert_eq!(child["citizenship"], "russia");
    assert_eq!(child["registration"]["street"], "ул. Ленина");
    assert_eq!(child["registration"]["postcode"], "238560");
    assert_eq!(child["actual_same_as_registration"], true);

    let mut bad = main_info(2);
    bad["registration"] = json!({ "street": "ул. Ленина", "postcode": "2385" });
    bad["snils"] = json!("112-233-445 96");
    let r = t
        .send(
            Req::new(Method::PUT, &format!("/api/children/{id}/main"))
                .session(&s)
                .json(bad),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = &r.json()["error"]["fields"];
    for f in [
        "snils",
        "registration_region",
        "registration_locality",
        "registration_house",
        "registration_postcode",
    ] {
        assert!(fields[f].is_string(), "{f}: {fields}");
    }
    let unchanged = t.get(&format!("/api/children/{id}"), Some(&s)).await.json();
    assert_eq!(unchanged["version"], 2, "nothing written on error");
    assert_eq!(unchanged["registration"]["house"], "12");
}

#[tokio::test]
async fn a_stale_edit_is_refused_so_two_tabs_never_overwrite_each_other() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let id = add_child(&t, &s).await["id"].as_str().unwrap().to_string();
    // Tab A saves the main information (version 1 -> 2).
    let r = t
        .send(
            Req::new(Method::PUT, &format!("/api/children/{id}/main"))
                .session(&s)
                .json(main_info(1)),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // Tab B, still on version 1, saves the health section.
    let r = t
        .send(
            Req::new(Method::PUT, &format!("/api/children/{id}/health"))
                .session(&s)
                .json(json!({"version": 1, "health_group": "II"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("Обновите страницу"));
    let child = t.get(&format!("/api/children/{id}"), Some(&s)).await.json();
    assert_eq!(child["health"]["health_group"], Value::Null);
    // After a reload (version 2) it goes through.
    let r = t
        .send(
            Req::new(Method::PUT, &format!("/api/children/{id}/health"))
                .session(&s)
                .json(json!({"version": 2, "health_group": "II"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn health_information_is_optional_and_checked() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let id = add_child(&t, &s).await["id"].as_str().unwrap().to_string();
    let path = format!("/api/children/{id}/health");
    let r = t
        .send(
            Req::new(Method::PUT, &path)
                .session(&s)
                .json(json!({"version": 1, "adapted_program": true, "pmpk_date": "2021-01-01"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = r.json()["error"]["fields"].clone();
    assert_eq!(fields["pmpk_number"], "Укажите номер заключения ПМПК");
    assert_eq!(
        fields["pmpk_date"],
        "Дата заключения не может быть раньше даты рождения"
    );
    let r = t
        .send(Req::new(Method::PUT, &path).session(&s).json(json!({
            "version": 1, "health_group": "III", "disability": true, "adapted_program": true,
            "pmpk_number": "15/2024", "pmpk_date": "2024-03-01", "health_notes": "Аллергия на орехи"
        })))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let h = r.json()["health"].clone();
    assert_eq!(
        h,
        json!({"health_group": "III", "disability": true, "adapted_program": true,
        "pmpk_number": "15/2024", "pmpk_date": "2024-03-01", "health_notes": "Аллергия на орехи"})
    );
}

#[tokio::test]
async fn the_birth_certificate_is_checked_and_then_the_child_is_ready() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let id = add_child(&t, &s).await["id"].as_str().unwrap().to_string();
    let path = format!("/api/children/{id}/documents");
    let mut bad = birth_certificate();
    bad["series"] = json!("2-ИВ");
    bad["number"] = json!("12345");
    bad["issued_on"] = json!("2022-04-01");
    bad["issued_by"] = json!("");
    let r = t
        .send(Req::new(Method::POST, &path).session(&s).json(bad))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = r.json()["error"]["fields"].clone();
    assert!(fields["series"].as_str().unwrap().contains("II-ИВ"));
    assert!(fields["number"].as_str().unwrap().contains("шесть цифр"));
    assert_eq!(
        fields["issued_on"],
        "Дата выдачи не может быть раньше даты рождения"
    );
    assert_eq!(fields["issued_by"], "Укажите, кем выдан документ");
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM child_documents"),
        json!(0)
    );

    let r = t
        .send(
            Req::new(Method::POST, &path)
                .session(&s)
                .json(birth_certificate()),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let child = r.json();
    assert_eq!(child["has_birth_document"], true);
    assert_eq!(
        child["documents"][0]["doc_type_title"],
        "Свидетельство о рождении"
    );
    assert_eq!(child["documents"][0]["series"], "II-ИВ");
    assert_eq!(
        t.get("/api/children", Some(&s)).await.json()[0]["has_birth_document"],
        1
    );

    let doc_id = child["documents"][0]["id"].as_str().unwrap().to_string();
    let r = t
        .send(Req::new(Method::DELETE, &format!("{path}/{doc_id}")).session(&s))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["has_birth_document"], false);
}

#[tokio::test]
async fn another_parent_gets_404_on_every_child_route() {
    let t = TestApp::new();
    let owner = t.login_as(PARENT).await;
    let stranger = t.login_as(OTHER_PARENT).await;
    let id = add_child(&t, &owner).await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let child = t
        .send(
            Req::new(Method::POST, &format!("/api/children/{id}/documents"))
                .session(&owner)
                .json(birth_certificate()),
        )
        .await
        .json();
    let doc_id = child["documents"][0]["id"].as_str().unwrap().to_string();
    let requests = [
        Req::new(Method::GET, &format!("/api/children/{id}")),
        Req::new(Method::PUT, &format!("/api/children/{id}/main")).json(main_info(1)),
        Req::new(Method::PUT, &format!("/api/children/{id}/health")).json(json!({"version": 1})),
        Req::new(Method::POST, &format!("/api/children/{id}/documents")).json(birth_certificate()),
        Req::new(
            Method::DELETE,
            &format!("/api/children/{id}/documents/{doc_id}"),
        ),
        Req::new(Method::DELETE, &format!("/api/children/{id}")),
    ];
    for req in requests {
        let r = t.send(req.session(&stranger)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert_eq!(r.code(), "not_found");
    }
    assert_eq!(
        t.get("/api/children", Some(&stranger)).await.json(),
        json!([])
    );
    // The owner's child is untouched.
    let mine = t
        .get(&format!("/api/children/{id}"), Some(&owner))
        .await
        .json();
    assert_eq!(mine["version"], 1);
    assert_eq!(mine["documents"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_child_with_an_active_application_cannot_be_deleted() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let id = add_child(&t, &s).await["id"].as_str().unwrap().to_string();
    t.send(
        Req::new(Method::POST, &format!("/api/children/{id}/documents"))
            .session(&s)
            .json(birth_certificate()),
    )
    .await;
    t.db.exec(&format!(
        "INSERT INTO applications (id, user_id, child_id, organization_id, status, created_at)
         SELECT 'a1', user_id, id, 1, 'queued', '2026-12-04T09:00:00Z' FROM children WHERE id = '{id}'"
    ));
    let r = t
        .send(Req::new(Method::DELETE, &format!("/api/children/{id}")).session(&s))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("есть заявление"));
    t.db.exec("UPDATE applications SET status = 'withdrawn'");
    let r = t
        .send(Req::new(Method::DELETE, &format!("/api/children/{id}")).session(&s))
        .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "a finished application keeps its history"
    );
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("история"));
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM child_documents"),
        json!(1),
        "nothing deleted"
    );
}

#[tokio::test]
async fn a_child_without_applications_is_deleted_with_its_documents() {
    let t = TestApp::new();
    let s = t.login_as(PARENT).await;
    let id = add_child(&t, &s).await["id"].as_str().unwrap().to_string();
    t.send(
        Req::new(Method::POST, &format!("/api/children/{id}/documents"))
            .session(&s)
            .json(birth_certificate()),
    )
    .await;
    let r = t
        .send(Req::new(Method::DELETE, &format!("/api/children/{id}")).session(&s))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(t.db.scalar("SELECT COUNT(*) FROM children"), json!(0));
    assert_eq!(
        t.db.scalar("SELECT COUNT(*) FROM child_documents"),
        json!(0)
    );
    assert_eq!(
        t.get(&format!("/api/children/{id}"), Some(&s)).await.status,
        StatusCode::NOT_FOUND
    );
}
