//! Children and their documents. Every statement is scoped by the owner's
//! user id: another user's child is simply not found.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{decode, decode_first, opt, s};
use crate::domain::address::Address;
use crate::domain::child::{ChildMain, Health, NewChild};
use crate::domain::document::{ChildDocType, ChildDocument};
use crate::ports::{Db, DbError, Stmt};

/// Statuses after which an application no longer holds its child.
pub const FINISHED_STATUSES: &str = "('withdrawn', 'rejected', 'archived')";

/// The SQL list of document codes that prove birth, from the domain's rule.
fn proves_birth_codes() -> String {
    let codes: Vec<String> = ChildDocType::ALL
        .iter()
        .filter(|t| t.proves_birth())
        .map(|t| format!("'{}'", t.code()))
        .collect();
    format!("({})", codes.join(", "))
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChildSummary {
    pub id: String,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub birth_date: String,
    pub has_birth_document: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ChildRow {
    pub id: String,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub birth_date: String,
    pub gender: String,
    pub snils: Option<String>,
    pub citizenship: Option<String>,
    pub registration: String,
    pub actual_same_as_registration: i64,
    pub actual: String,
    pub health_group: Option<String>,
    pub disability: i64,
    pub adapted_program: i64,
    pub pmpk_number: Option<String>,
    pub pmpk_date: Option<String>,
    pub health_notes: Option<String>,
    pub version: i64,
    pub active_applications: i64,
    pub all_applications: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentRow {
    pub id: String,
    pub doc_type: String,
    pub series: Option<String>,
    pub number: String,
    pub issued_on: String,
    pub issued_by: Option<String>,
    pub act_record_number: Option<String>,
}

fn address_json(a: &Address) -> Value {
    Value::String(serde_json::to_string(a).unwrap_or_else(|_| "{}".into()))
}

pub async fn insert(
    db: &dyn Db,
    id: &str,
    user_id: &str,
    c: &NewChild,
    now: &str,
) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO children (id, user_id, last_name, first_name, middle_name, birth_date, gender, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        vec![
            s(id),
            s(user_id),
            s(c.last_name.as_str()),
            s(c.first_name.as_str()),
            opt(c.middle_name.as_ref().map(|m| m.as_str())),
            s(&c.birth_date.format("%Y-%m-%d").to_string()),
            s(c.gender.code()),
            s(now),
        ],
    ))
    .await?;
    Ok(())
}

pub async fn list(db: &dyn Db, user_id: &str) -> Result<Vec<ChildSummary>, DbError> {
    let proves_birth = proves_birth_codes();
    let rows = db
        .query(Stmt::new(
            format!(
                "SELECT c.id, c.last_name, c.first_name, c.middle_name, c.birth_date,
                        EXISTS (SELECT 1 FROM child_documents d WHERE d.child_id = c.id AND d.doc_type IN {proves_birth})
                          AS has_birth_document
                 FROM children c WHERE c.user_id = ?1 ORDER BY c.birth_date, c.created_at"
            ),
            vec![s(user_id)],
        ))
        .await?;
    decode(rows)
}

pub async fn get(db: &dyn Db, user_id: &str, id: &str) -> Result<Option<ChildRow>, DbError> {
    let rows = db
        .query(Stmt::new(
            format!(
                "SELECT c.id, c.last_name, c.first_name, c.middle_name, c.birth_date, c.gender, c.snils, c.citizenship,
                        c.registration, c.actual_same_as_registration, c.actual, c.health_group, c.disability,
                        c.adapted_program, c.pmpk_number, c.pmpk_date, c.health_notes, c.version,
                        (SELECT COUNT(*) FROM applications a WHERE a.child_id = c.id AND a.status NOT IN {FINISHED_STATUSES})
                          AS active_applications,
                        (SELECT COUNT(*) FROM applications a WHERE a.child_id = c.id) AS all_applications
                 FROM children c WHERE c.id = ?1 AND c.user_id = ?2"
            ),
            vec![s(id), s(user_id)],
        ))
        .await?;
    decode_first(rows)
}

/// Saves "Основная информация" if the stored version is `version`; returns changed rows (0: stale or absent).
pub async fn update_main(
    db: &dyn Db,
    user_id: &str,
    id: &str,
    version: i64,
    m: &ChildMain,
    now: &str,
) -> Result<u64, DbError> {
    db.execute(Stmt::new(
        "UPDATE children SET last_name = ?1, first_name = ?2, middle_name = ?3, birth_date = ?4, gender = ?5,
                snils = ?6, citizenship = ?7, registration = ?8, actual_same_as_registration = ?9, actual = ?10,
                version = version + 1, updated_at = ?11
         WHERE id = ?12 AND user_id = ?13 AND version = ?14",
        vec![
            s(m.child.last_name.as_str()),
            s(m.child.first_name.as_str()),
            opt(m.child.middle_name.as_ref().map(|x| x.as_str())),
            s(&m.child.birth_date.format("%Y-%m-%d").to_string()),
            s(m.child.gender.code()),
            opt(m.snils.as_ref().map(|x| x.digits())),
            opt(m.citizenship.map(|c| c.code())),
            address_json(&m.registration),
            json!(m.actual_same_as_registration as i64),
            address_json(&m.actual),
            s(now),
            s(id),
            s(user_id),
            json!(version),
        ],
    ))
    .await
}

pub async fn update_health(
    db: &dyn Db,
    user_id: &str,
    id: &str,
    version: i64,
    h: &Health,
    now: &str,
) -> Result<u64, DbError> {
    db.execute(Stmt::new(
        "UPDATE children SET health_group = ?1, disability = ?2, adapted_program = ?3, pmpk_number = ?4,
                pmpk_date = ?5, health_notes = ?6, version = version + 1, updated_at = ?7
         WHERE id = ?8 AND user_id = ?9 AND version = ?10",
        vec![
            opt(h.health_group.as_deref()),
            json!(h.disability as i64),
            json!(h.adapted_program as i64),
            opt(h.pmpk_number.as_deref()),
            opt(h.pmpk_date.map(|d| d.format("%Y-%m-%d").to_string()).as_deref()),
            opt(h.health_notes.as_deref()),
            s(now),
            s(id),
            s(user_id),
            json!(version),
        ],
    ))
    .await
}

/// Deletes the child with its documents, unless an application refers to it.
pub async fn delete(db: &dyn Db, user_id: &str, id: &str) -> Result<(), DbError> {
    let held = "NOT EXISTS (SELECT 1 FROM applications a WHERE a.child_id = ?1)";
    db.batch(vec![
        Stmt::new(
            format!("DELETE FROM child_documents WHERE child_id = ?1 AND user_id = ?2 AND {held}"),
            vec![s(id), s(user_id)],
        ),
        Stmt::new(
            format!("DELETE FROM children WHERE id = ?1 AND user_id = ?2 AND {held}"),
            vec![s(id), s(user_id)],
        ),
    ])
    .await
}

pub async fn documents(
    db: &dyn Db,
    user_id: &str,
    child_id: &str,
) -> Result<Vec<DocumentRow>, DbError> {
    let rows = db
        .query(Stmt::new(
            "SELECT id, doc_type, series, number, issued_on, issued_by, act_record_number
             FROM child_documents WHERE child_id = ?1 AND user_id = ?2 ORDER BY created_at, id",
            vec![s(child_id), s(user_id)],
        ))
        .await?;
    decode(rows)
}

pub async fn insert_document(
    db: &dyn Db,
    id: &str,
    user_id: &str,
    child_id: &str,
    d: &ChildDocument,
    now: &str,
) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO child_documents (id, child_id, user_id, doc_type, series, number, issued_on, issued_by,
                                      act_record_number, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        vec![
            s(id),
            s(child_id),
            s(user_id),
            s(d.doc_type.code()),
            opt(d.series.as_deref()),
            s(&d.number),
            s(&d.issued_on.format("%Y-%m-%d").to_string()),
            opt(d.issued_by.as_deref()),
            opt(d.act_record_number.as_deref()),
            s(now),
        ],
    ))
    .await?;
    Ok(())
}

pub async fn delete_document(
    db: &dyn Db,
    user_id: &str,
    child_id: &str,
    id: &str,
) -> Result<u64, DbError> {
    db.execute(Stmt::new(
        "DELETE FROM child_documents WHERE id = ?1 AND child_id = ?2 AND user_id = ?3",
        vec![s(id), s(child_id), s(user_id)],
    ))
    .await
}
