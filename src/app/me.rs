//! The cabinet's view of the logged-in user: personal data from ESIA, the
//! organizations they operate, whether they have applications.

use serde::Serialize;

use super::{App, Error, Result};
use crate::domain::snils::Snils;
use crate::store::{self, users::OperatorOrg};

#[derive(Debug, Serialize)]
pub struct PersonalData {
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub birth_date: Option<String>,
    pub gender: Option<String>,
    /// Formatted as on the card: "112-233-445 95".
    pub snils: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// When ESIA last passed this data (the last login).
    pub received_at: String,
}

#[derive(Debug, Serialize)]
pub struct Me {
    pub id: String,
    pub display_name: String,
    pub personal: PersonalData,
    pub roles: Vec<&'static str>,
    pub operator_of: Vec<OperatorOrg>,
    pub has_applications: bool,
}

pub async fn get(app: &App, user_id: &str) -> Result<Me> {
    let db = app.db.as_ref();
    let user = store::users::get(db, user_id)
        .await?
        .ok_or(Error::Unauthorized)?;
    let operator_of = store::users::operator_orgs(db, user_id).await?;
    let has_applications = user.application_count > 0;
    let mut roles = vec!["parent"];
    if !operator_of.is_empty() {
        roles.push("operator");
    }
    if user.is_portal_admin != 0 {
        roles.push("portal_admin");
    }
    let display_name = [
        Some(&user.last_name),
        Some(&user.first_name),
        user.middle_name.as_ref(),
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect::<Vec<_>>()
    .join(" ");
    let snils = user
        .snils
        .as_deref()
        .map(|s| Snils::parse(s).map_or_else(|_| s.to_string(), |v| v.formatted()));
    Ok(Me {
        id: user.id,
        display_name,
        personal: PersonalData {
            last_name: user.last_name,
            first_name: user.first_name,
            middle_name: user.middle_name,
            birth_date: user.birth_date,
            gender: user.gender,
            snils,
            email: user.email,
            phone: user.phone,
            received_at: user.esia_updated_at,
        },
        roles,
        operator_of,
        has_applications,
    })
}
