//! The user's own documents ("Документы") and places of work ("Должности").
//! Optional tabs, as the manual says; owned, versioned, 404 for others.

use chrono::NaiveDate;
use serde::Serialize;

use super::{App, Error, Result, Versioned};
use crate::domain::user_document::{
    Position, PositionInput, UserDocType, UserDocument, UserDocumentInput,
};
use crate::store::{self, profile::PositionRow, profile::UserDocumentRow};

#[derive(Debug, Serialize)]
pub struct UserDocumentView {
    #[serde(flatten)]
    pub row: UserDocumentRow,
    pub doc_type_title: &'static str,
}

fn view(row: UserDocumentRow) -> UserDocumentView {
    let title = UserDocType::parse(&row.doc_type).map_or("Иной документ", UserDocType::title);
    UserDocumentView {
        row,
        doc_type_title: title,
    }
}

const STALE: &str = "Запись уже изменена в другой вкладке или другим устройством. Обновите страницу и внесите правки снова.";

async fn holder_birth(app: &App, user_id: &str) -> Result<Option<NaiveDate>> {
    let user = store::users::get(app.db.as_ref(), user_id)
        .await?
        .ok_or(Error::Unauthorized)?;
    Ok(user
        .birth_date
        .and_then(|b| NaiveDate::parse_from_str(&b, "%Y-%m-%d").ok()))
}

pub async fn documents(app: &App, user_id: &str) -> Result<Vec<UserDocumentView>> {
    Ok(store::profile::documents(app.db.as_ref(), user_id)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

pub async fn add_document(
    app: &App,
    user_id: &str,
    input: &UserDocumentInput,
) -> Result<UserDocumentView> {
    let doc = UserDocument::parse(input, holder_birth(app, user_id).await?, app.today())?;
    let id = uuid::Uuid::new_v4().to_string();
    store::profile::insert_document(
        app.db.as_ref(),
        &id,
        user_id,
        &doc,
        &store::ts(app.clock.now()),
    )
    .await?;
    store::profile::document(app.db.as_ref(), user_id, &id)
        .await?
        .map(view)
        .ok_or(Error::NotFound)
}

pub async fn update_document(
    app: &App,
    user_id: &str,
    id: &str,
    input: &Versioned<UserDocumentInput>,
) -> Result<UserDocumentView> {
    store::profile::document(app.db.as_ref(), user_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let doc = UserDocument::parse(&input.data, holder_birth(app, user_id).await?, app.today())?;
    if store::profile::update_document(app.db.as_ref(), user_id, id, input.version, &doc).await?
        == 0
    {
        store::profile::document(app.db.as_ref(), user_id, id)
            .await?
            .ok_or(Error::NotFound)?;
        return Err(Error::Conflict(STALE.into()));
    }
    store::profile::document(app.db.as_ref(), user_id, id)
        .await?
        .map(view)
        .ok_or(Error::NotFound)
}

pub async fn delete_document(app: &App, user_id: &str, id: &str) -> Result<()> {
    match store::profile::delete_document(app.db.as_ref(), user_id, id).await? {
        0 => Err(Error::NotFound),
        _ => Ok(()),
    }
}

pub async fn positions(app: &App, user_id: &str) -> Result<Vec<PositionRow>> {
    Ok(store::profile::positions(app.db.as_ref(), user_id).await?)
}

pub async fn add_position(app: &App, user_id: &str, input: &PositionInput) -> Result<PositionRow> {
    let p = Position::parse(input, app.today())?;
    let id = uuid::Uuid::new_v4().to_string();
    store::profile::insert_position(
        app.db.as_ref(),
        &id,
        user_id,
        &p,
        &store::ts(app.clock.now()),
    )
    .await?;
    store::profile::position(app.db.as_ref(), user_id, &id)
        .await?
        .ok_or(Error::NotFound)
}

pub async fn update_position(
    app: &App,
    user_id: &str,
    id: &str,
    input: &Versioned<PositionInput>,
) -> Result<PositionRow> {
    let current = store::profile::position(app.db.as_ref(), user_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    let mut data = input.data.clone();
    if current.is_operator != 0 {
        // The organization of an operator's position is set by the portal.
        data.organization_name = Some(current.organization_name.clone());
    }
    let p = Position::parse(&data, app.today())?;
    if store::profile::update_position(app.db.as_ref(), user_id, id, input.version, &p).await? == 0
    {
        return Err(Error::Conflict(STALE.into()));
    }
    store::profile::position(app.db.as_ref(), user_id, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Removing an operator's position removes the rights at once (the manual
/// warns; the page asks to confirm).
pub async fn delete_position(app: &App, user_id: &str, id: &str) -> Result<()> {
    let p = store::profile::position(app.db.as_ref(), user_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    store::profile::delete_position(app.db.as_ref(), user_id, id).await?;
    if p.is_operator != 0 {
        super::jobs::audit(
            app,
            Some(user_id),
            "operator_position_removed",
            &p.organization_name,
        )
        .await?;
    }
    Ok(())
}
