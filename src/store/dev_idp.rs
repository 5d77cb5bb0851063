//! Storage of the development identity provider: its persons and codes.

use serde::{Deserialize, Serialize};

use super::{decode, decode_first, opt, s};
use crate::ports::{Db, DbError, Stmt};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DevPerson {
    pub oid: String,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub birth_date: String,
    pub gender: String,
    pub snils: String,
    pub email: String,
    pub phone: Option<String>,
}

/// A person with the role the portal gives them, for the login page.
#[derive(Debug, Clone, Deserialize)]
pub struct ListedPerson {
    pub oid: String,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub is_portal_admin: Option<i64>,
    pub operator_of: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DevCode {
    pub code: String,
    pub oid: String,
    pub client_id: String,
    pub redirect_uri: String,
    pub nonce: String,
    pub code_challenge: String,
    pub expires_at: String,
}

pub async fn list(db: &dyn Db) -> Result<Vec<ListedPerson>, DbError> {
    let rows = db
        .query(Stmt::new(
            "SELECT d.oid AS oid, d.last_name AS last_name, d.first_name AS first_name,
                    d.middle_name AS middle_name, u.is_portal_admin AS is_portal_admin,
                    (SELECT o.short_name FROM positions p JOIN organizations o ON o.id = p.organization_id
                      WHERE p.user_id = u.id AND p.is_operator = 1 ORDER BY o.short_name LIMIT 1) AS operator_of
             FROM dev_idp_persons d LEFT JOIN users u ON u.esia_oid = d.oid
             ORDER BY d.sort_order, d.created_at, d.last_name
             LIMIT 50",
            vec![],
        ))
        .await?;
    decode(rows)
}

pub async fn get(db: &dyn Db, oid: &str) -> Result<Option<DevPerson>, DbError> {
    let rows = db
        .query(Stmt::new(
            "SELECT oid, last_name, first_name, middle_name, birth_date, gender, snils, email, phone
             FROM dev_idp_persons WHERE oid = ?1",
            vec![s(oid)],
        ))
        .await?;
    decode_first(rows)
}

pub async fn insert(db: &dyn Db, p: &DevPerson, now: &str) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO dev_idp_persons (oid, last_name, first_name, middle_name, birth_date, gender,
                                      snils, email, phone, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        vec![
            s(&p.oid),
            s(&p.last_name),
            s(&p.first_name),
            opt(p.middle_name.as_deref()),
            s(&p.birth_date),
            s(&p.gender),
            s(&p.snils),
            s(&p.email),
            opt(p.phone.as_deref()),
            s(now),
        ],
    ))
    .await?;
    Ok(())
}

pub async fn insert_code(db: &dyn Db, c: &DevCode) -> Result<(), DbError> {
    db.execute(Stmt::new(
        "INSERT INTO dev_idp_codes (code, oid, client_id, redirect_uri, nonce, code_challenge, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        vec![
            s(&c.code),
            s(&c.oid),
            s(&c.client_id),
            s(&c.redirect_uri),
            s(&c.nonce),
            s(&c.code_challenge),
            s(&c.expires_at),
        ],
    ))
    .await?;
    Ok(())
}

/// Removes and returns the code: an authorization code works once only.
pub async fn take_code(db: &dyn Db, code: &str) -> Result<Option<DevCode>, DbError> {
    let rows = db
        .query(Stmt::new(
            "DELETE FROM dev_idp_codes WHERE code = ?1
             RETURNING code, oid, client_id, redirect_uri, nonce, code_challenge, expires_at",
            vec![s(code)],
        ))
        .await?;
    decode_first(rows)
}
