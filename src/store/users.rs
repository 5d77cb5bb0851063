//! Users (persons known from ESIA), their operator rights and applications count.

use serde::{Deserialize, Serialize};

use super::{decode, decode_first, opt, s};
use crate::ports::{Db, DbError, Stmt};

/// What ESIA passed about a person at their last login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EsiaProfile {
    pub esia_oid: String,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub birth_date: Option<String>,
    pub gender: Option<String>,
    pub snils: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UserRow {
    pub id: String,
    pub esia_oid: String,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub birth_date: Option<String>,
    pub gender: Option<String>,
    pub snils: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub is_portal_admin: i64,
    pub esia_updated_at: String,
    /// How many applications the user has filed (read in the same query).
    pub application_count: i64,
}

/// An organization where the user holds an operator's position.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OperatorOrg {
    pub id: i64,
    pub name: String,
    pub short_name: String,
    pub position: String,
}

/// Creates the user on first login, refreshes the personal data on every
/// later one; returns the user's id. One statement, so no half-written user.
pub async fn upsert_from_esia(
    db: &dyn Db,
    new_id: &str,
    p: &EsiaProfile,
    now: &str,
) -> Result<String, DbError> {
    let rows = db
        .query(Stmt::new(
            "INSERT INTO users (id, esia_oid, last_name, first_name, middle_name, birth_date, gender,
                                snils, email, phone, esia_updated_at, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
             ON CONFLICT (esia_oid) DO UPDATE SET
                last_name = excluded.last_name, first_name = excluded.first_name,
                middle_name = excluded.middle_name, birth_date = excluded.birth_date,
                gender = excluded.gender, snils = excluded.snils, email = excluded.email,
                phone = excluded.phone, esia_updated_at = excluded.esia_updated_at
             RETURNING id",
            vec![
                s(new_id),
                s(&p.esia_oid),
                s(&p.last_name),
                s(&p.first_name),
                opt(p.middle_name.as_deref()),
                opt(p.birth_date.as_deref()),
                opt(p.gender.as_deref()),
                opt(p.snils.as_deref()),
                opt(p.email.as_deref()),
                opt(p.phone.as_deref()),
                s(now),
            ],
        ))
        .await?;
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    decode_first::<Id>(rows)?
        .map(|r| r.id)
        .ok_or_else(|| DbError::Other("upsert returned no id".into()))
}

pub async fn get(db: &dyn Db, id: &str) -> Result<Option<UserRow>, DbError> {
    let rows = db
        .query(Stmt::new(
            "SELECT id, esia_oid, last_name, first_name, middle_name, birth_date, gender, snils,
                    email, phone, is_portal_admin, esia_updated_at,
                    (SELECT COUNT(*) FROM applications a WHERE a.user_id = users.id) AS application_count
             FROM users WHERE id = ?1",
            vec![s(id)],
        ))
        .await?;
    decode_first(rows)
}

pub async fn operator_orgs(db: &dyn Db, user_id: &str) -> Result<Vec<OperatorOrg>, DbError> {
    let rows = db
        .query(Stmt::new(
            "SELECT o.id AS id, o.name AS name, o.short_name AS short_name, p.title AS position
             FROM positions p JOIN organizations o ON o.id = p.organization_id
             WHERE p.user_id = ?1 AND p.is_operator = 1
             ORDER BY o.short_name",
            vec![s(user_id)],
        ))
        .await?;
    decode(rows)
}
