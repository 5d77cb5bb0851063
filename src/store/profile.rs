//! The user's own documents and places of work. Scoped by the owner.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::{decode, decode_first, opt, s};
use crate::domain::user_document::{Position, UserDocument};
use crate::ports::{Db, DbError, Stmt};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UserDocumentRow {
    pub id: String,
    pub doc_type: String,
    pub series: Option<String>,
    pub number: String,
    pub issued_on: String,
    pub issued_by: Option<String>,
    pub division_code: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PositionRow {
    pub id: String,
    pub organization_id: Option<i64>,
    pub organization_name: String,
    pub title: String,
    pub started_on: Option<String>,
    pub is_operator: i64,
    pub version: i64,
}

const DOCUMENT_COLUMNS: &str =
    "id, doc_type, series, number, issued_on, issued_by, division_code, version";
const POSITION_COLUMNS: &str =
    "id, organization_id, organization_name, title, started_on, is_operator, version";

fn date(d: Option<chrono::NaiveDate>) -> serde_json::Value {
    opt(d.map(|d| d.format("%Y-%m-%d").to_string()).as_deref())
}

pub async fn documents(db: &dyn Db, user_id: &str) -> Result<Vec<UserDocumentRow>, DbError> {
    let rows = db
        .query(Stmt::new(
            format!("SELECT {DOCUMENT_COLUMNS} FROM user_documents WHERE user_id = ?1 ORDER BY created_at, id"),
            vec![s(user_id)],
        ))
        .await?;
    decode(rows)
}

pub async fn document(
    db: &dyn Db,
    user_id: &str,
    id: &str,
) -> Result<Option<UserDocumentRow>, DbError> {
    let rows = db
        .query(Stmt::new(
            format!("SELECT {DOCUMENT_COLUMNS} FROM user_documents WHERE id = ?1 AND user_id = ?2"),
            vec![s(id), s(user_id)],
        ))
        .await?;
    decode_first(rows)
}

pub async fn insert_document(
    db: &dyn Db,
    id: &str,
    user_id: &str,
    d: &UserDocument,
    now: &str,
) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO user_documents (id, user_id, doc_type, series, number, issued_on, issued_by, division_code, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        vec![
            s(id),
            s(user_id),
            s(d.doc_type.code()),
            opt(d.series.as_deref()),
            s(&d.number),
            date(Some(d.issued_on)),
            opt(d.issued_by.as_deref()),
            opt(d.division_code.as_deref()),
            s(now),
        ],
    ))
    .await?;
    Ok(())
}

pub async fn update_document(
    db: &dyn Db,
    user_id: &str,
    id: &str,
    version: i64,
    d: &UserDocument,
) -> Result<u64, DbError> {
    db.execute(Stmt::new(
        "UPDATE user_documents SET doc_type = ?1, series = ?2, number = ?3, issued_on = ?4, issued_by = ?5,
                division_code = ?6, version = version + 1
         WHERE id = ?7 AND user_id = ?8 AND version = ?9",
        vec![
            s(d.doc_type.code()),
            opt(d.series.as_deref()),
            s(&d.number),
            date(Some(d.issued_on)),
            opt(d.issued_by.as_deref()),
            opt(d.division_code.as_deref()),
            s(id),
            s(user_id),
            json!(version),
        ],
    ))
    .await
}

pub async fn delete_document(db: &dyn Db, user_id: &str, id: &str) -> Result<u64, DbError> {
    db.execute(Stmt::new(
        "DELETE FROM user_documents WHERE id = ?1 AND user_id = ?2",
        vec![s(id), s(user_id)],
    ))
    .await
}

pub async fn positions(db: &dyn Db, user_id: &str) -> Result<Vec<PositionRow>, DbError> {
    let rows = db
        .query(Stmt::new(
            format!(
                "SELECT {POSITION_COLUMNS} FROM positions WHERE user_id = ?1 ORDER BY is_operator DESC, created_at, id"
            ),
            vec![s(user_id)],
        ))
        .await?;
    decode(rows)
}

pub async fn position(
    db: &dyn Db,
    user_id: &str,
    id: &str,
) -> Result<Option<PositionRow>, DbError> {
    let rows = db
        .query(Stmt::new(
            format!("SELECT {POSITION_COLUMNS} FROM positions WHERE id = ?1 AND user_id = ?2"),
            vec![s(id), s(user_id)],
        ))
        .await?;
    decode_first(rows)
}

pub async fn insert_position(
    db: &dyn Db,
    id: &str,
    user_id: &str,
    p: &Position,
    now: &str,
) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO positions (id, user_id, organization_name, title, started_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        vec![
            s(id),
            s(user_id),
            s(&p.organization_name),
            s(&p.title),
            date(p.started_on),
            s(now),
        ],
    ))
    .await?;
    Ok(())
}

/// Edits a place of work. A position that carries operator rights keeps its
/// organization: only its title and start date change.
pub async fn update_position(
    db: &dyn Db,
    user_id: &str,
    id: &str,
    version: i64,
    p: &Position,
) -> Result<u64, DbError> {
    db.execute(Stmt::new(
        "UPDATE positions SET
                organization_name = CASE WHEN is_operator = 1 THEN organization_name ELSE ?1 END,
                title = ?2, started_on = ?3, version = version + 1
         WHERE id = ?4 AND user_id = ?5 AND version = ?6",
        vec![
            s(&p.organization_name),
            s(&p.title),
            date(p.started_on),
            s(id),
            s(user_id),
            json!(version),
        ],
    ))
    .await
}

pub async fn delete_position(db: &dyn Db, user_id: &str, id: &str) -> Result<u64, DbError> {
    db.execute(Stmt::new(
        "DELETE FROM positions WHERE id = ?1 AND user_id = ?2",
        vec![s(id), s(user_id)],
    ))
    .await
}
