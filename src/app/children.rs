//! Children ("Дети"): add, read, edit the main and health information,
//! documents, delete. Only the owner sees a child; anyone else gets 404.
//! Edits carry the version they were based on: a stale one gets 409.

use chrono::NaiveDate;
use serde::Serialize;

pub use super::Versioned;
use super::{App, Error, Result};
use crate::domain::address::Address;
use crate::domain::child::{
    ChildMain, ChildMainInput, ChildNameInput, Health, HealthInput, NewChild,
};
use crate::domain::document::{ChildDocType, ChildDocument, ChildDocumentInput};
use crate::domain::snils::Snils;
use crate::domain::FieldErrors;
use crate::store::{self, children::ChildRow, children::ChildSummary, children::DocumentRow};

#[derive(Debug, Serialize)]
pub struct HealthView {
    pub health_group: Option<String>,
    pub disability: bool,
    pub adapted_program: bool,
    pub pmpk_number: Option<String>,
    pub pmpk_date: Option<String>,
    pub health_notes: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DocumentView {
    #[serde(flatten)]
    pub row: DocumentRow,
    pub doc_type_title: &'static str,
}

#[derive(Debug, Serialize)]
pub struct ChildView {
    pub id: String,
    pub version: i64,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub birth_date: String,
    pub gender: String,
    /// As on the card: "112-233-445 95".
    pub snils: Option<String>,
    pub citizenship: Option<String>,
    pub registration: Address,
    pub actual_same_as_registration: bool,
    pub actual: Address,
    pub health: HealthView,
    pub documents: Vec<DocumentView>,
    /// Applications need a birth certificate or an accepted substitute.
    pub has_birth_document: bool,
    pub has_active_applications: bool,
}

fn parse_stored_date(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| Error::Internal(anyhow::anyhow!("stored date {s}: {e}")))
}

pub async fn list(app: &App, user_id: &str) -> Result<Vec<ChildSummary>> {
    Ok(store::children::list(app.db.as_ref(), user_id).await?)
}

pub async fn create(app: &App, user_id: &str, input: &ChildNameInput) -> Result<ChildView> {
    let mut errors = FieldErrors::new();
    let child = NewChild::parse(input, app.today(), &mut errors);
    let Some(child) = child.filter(|_| errors.is_empty()) else {
        return Err(Error::Validation(errors));
    };
    let id = uuid::Uuid::new_v4().to_string();
    store::children::insert(
        app.db.as_ref(),
        &id,
        user_id,
        &child,
        &store::ts(app.clock.now()),
    )
    .await?;
    get(app, user_id, &id).await
}

async fn row(app: &App, user_id: &str, id: &str) -> Result<ChildRow> {
    store::children::get(app.db.as_ref(), user_id, id)
        .await?
        .ok_or(Error::NotFound)
}

pub async fn get(app: &App, user_id: &str, id: &str) -> Result<ChildView> {
    let r = row(app, user_id, id).await?;
    let docs = store::children::documents(app.db.as_ref(), user_id, id).await?;
    let mut has_birth_document = false;
    let documents: Vec<DocumentView> = docs
        .into_iter()
        .map(|row| {
            let t = ChildDocType::parse(&row.doc_type).unwrap_or(ChildDocType::Other);
            has_birth_document |= t.proves_birth();
            DocumentView {
                row,
                doc_type_title: t.title(),
            }
        })
        .collect();
    let address = |json: &str| serde_json::from_str::<Address>(json).unwrap_or_default();
    Ok(ChildView {
        id: r.id,
        version: r.version,
        last_name: r.last_name,
        first_name: r.first_name,
        middle_name: r.middle_name,
        birth_date: r.birth_date,
        gender: r.gender,
        snils: r
            .snils
            .map(|s| Snils::parse(&s).map_or(s, |v| v.formatted())),
        citizenship: r.citizenship,
        registration: address(&r.registration),
        actual_same_as_registration: r.actual_same_as_registration != 0,
        actual: address(&r.actual),
        health: HealthView {
            health_group: r.health_group,
            disability: r.disability != 0,
            adapted_program: r.adapted_program != 0,
            pmpk_number: r.pmpk_number,
            pmpk_date: r.pmpk_date,
            health_notes: r.health_notes,
        },
        documents,
        has_birth_document,
        has_active_applications: r.active_applications > 0,
    })
}

const STALE: &str = "Данные ребенка уже изменены в другой вкладке или другим устройством. Обновите страницу, чтобы увидеть последние изменения, и внесите правки снова.";

async fn after_update(app: &App, user_id: &str, id: &str, changed: u64) -> Result<ChildView> {
    if changed == 0 {
        // Absent (or another user's) is 404; present means the version was stale.
        row(app, user_id, id).await?;
        return Err(Error::Conflict(STALE.into()));
    }
    get(app, user_id, id).await
}

pub async fn update_main(
    app: &App,
    user_id: &str,
    id: &str,
    input: &Versioned<ChildMainInput>,
) -> Result<ChildView> {
    row(app, user_id, id).await?;
    let main = ChildMain::parse(&input.data, app.today())?;
    let changed = store::children::update_main(
        app.db.as_ref(),
        user_id,
        id,
        input.version,
        &main,
        &store::ts(app.clock.now()),
    )
    .await?;
    after_update(app, user_id, id, changed).await
}

pub async fn update_health(
    app: &App,
    user_id: &str,
    id: &str,
    input: &Versioned<HealthInput>,
) -> Result<ChildView> {
    let r = row(app, user_id, id).await?;
    let health = Health::parse(&input.data, parse_stored_date(&r.birth_date)?, app.today())?;
    let changed = store::children::update_health(
        app.db.as_ref(),
        user_id,
        id,
        input.version,
        &health,
        &store::ts(app.clock.now()),
    )
    .await?;
    after_update(app, user_id, id, changed).await
}

pub async fn delete(app: &App, user_id: &str, id: &str) -> Result<()> {
    let r = row(app, user_id, id).await?;
    if r.active_applications > 0 {
        return Err(Error::Conflict(
            "Ребенка нельзя удалить: по нему есть заявление в работе. Сначала отзовите заявление."
                .into(),
        ));
    }
    if r.all_applications > 0 {
        // Finished applications keep their history, and it names the child.
        return Err(Error::Conflict(
            "Ребенка нельзя удалить: по нему подавались заявления, их история хранится вместе с данными ребенка.".into(),
        ));
    }
    store::children::delete(app.db.as_ref(), user_id, id).await?;
    Ok(())
}

pub async fn add_document(
    app: &App,
    user_id: &str,
    child_id: &str,
    input: &ChildDocumentInput,
) -> Result<ChildView> {
    let r = row(app, user_id, child_id).await?;
    let doc = ChildDocument::parse(input, parse_stored_date(&r.birth_date)?, app.today())?;
    let id = uuid::Uuid::new_v4().to_string();
    store::children::insert_document(
        app.db.as_ref(),
        &id,
        user_id,
        child_id,
        &doc,
        &store::ts(app.clock.now()),
    )
    .await?;
    get(app, user_id, child_id).await
}

pub async fn delete_document(
    app: &App,
    user_id: &str,
    child_id: &str,
    id: &str,
) -> Result<ChildView> {
    let changed = store::children::delete_document(app.db.as_ref(), user_id, child_id, id).await?;
    if changed == 0 {
        return Err(Error::NotFound);
    }
    get(app, user_id, child_id).await
}
