//! Pure types and rules of the portal. Every value a user sends is parsed
//! here once into a type that cannot hold a wrong value ("parse, don't
//! validate"); the layers above only ever see the parsed types.

pub mod address;
pub mod child;
pub mod date;
pub mod document;
pub mod email;
pub mod gender;
pub mod name;
pub mod snils;
pub mod user_document;

use std::collections::BTreeMap;

/// Errors of a whole form: field name -> Russian message for that field.
/// Kept ordered so that the summary at the top of a form follows the fields.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_string())
            .or_insert_with(|| message.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_map(self) -> BTreeMap<String, String> {
        self.0
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Records the error of `result` under `field` and gives back the value if any.
    pub fn take<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    /// `Ok(())` when nothing was recorded.
    pub fn finish(self) -> Result<(), FieldErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

/// Parses one of a closed list of codes (a `<select>` or radio value) into
/// its serde enum; `missing` when nothing was chosen.
pub fn parse_choice<T: serde::de::DeserializeOwned>(raw: &str, missing: &str) -> Result<T, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(missing.into());
    }
    serde_json::from_value(serde_json::Value::String(value.to_string()))
        .map_err(|_| format!("{missing} из списка"))
}
