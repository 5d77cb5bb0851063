//! The user's own documents (вкладка "Документы") and places of work
//! (вкладка "Должности").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::parse_date;
use super::document::{optional_text, parse_issue_date, required_text};
use super::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserDocType {
    PassportRf,
    ForeignPassport,
    MarriageCertificate,
    NameChangeCertificate,
    Other,
}

impl UserDocType {
    pub fn parse(raw: &str) -> Result<Self, String> {
        super::parse_choice(raw, "Выберите тип документа")
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::PassportRf => "passport_rf",
            Self::ForeignPassport => "foreign_passport",
            Self::MarriageCertificate => "marriage_certificate",
            Self::NameChangeCertificate => "name_change_certificate",
            Self::Other => "other",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::PassportRf => "Паспорт гражданина РФ",
            Self::ForeignPassport => "Паспорт иностранного гражданина",
            Self::MarriageCertificate => "Свидетельство о заключении брака",
            Self::NameChangeCertificate => "Свидетельство о перемене имени",
            Self::Other => "Иной документ",
        }
    }
}

fn digits(raw: &str, n: usize, missing: &str, shape: &str) -> Result<String, String> {
    let v: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if v.is_empty() {
        return Err(missing.into());
    }
    if v.len() != n || !v.chars().all(|c| c.is_ascii_digit()) {
        return Err(shape.into());
    }
    Ok(v)
}

/// Код подразделения: "770-001".
pub fn parse_division_code(raw: &str) -> Result<String, String> {
    let v = raw.trim();
    if v.is_empty() {
        return Err("Укажите код подразделения".into());
    }
    let ok = v.len() == 7
        && v.char_indices()
            .all(|(i, c)| if i == 3 { c == '-' } else { c.is_ascii_digit() });
    if !ok {
        return Err("Код подразделения — шесть цифр через дефис, например 390-017".into());
    }
    Ok(v.to_string())
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct UserDocumentInput {
    pub doc_type: Option<String>,
    pub series: Option<String>,
    pub number: Option<String>,
    pub issued_on: Option<String>,
    pub issued_by: Option<String>,
    pub division_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserDocument {
    pub doc_type: UserDocType,
    pub series: Option<String>,
    pub number: String,
    pub issued_on: NaiveDate,
    pub issued_by: Option<String>,
    pub division_code: Option<String>,
}

impl UserDocument {
    /// `birth` is the holder's date of birth from ESIA, when known.
    pub fn parse(
        i: &UserDocumentInput,
        birth: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let t = e.take(
            "doc_type",
            UserDocType::parse(i.doc_type.as_deref().unwrap_or("")),
        );
        let passport = t == Some(UserDocType::PassportRf);
        let issued_on = e.take(
            "issued_on",
            parse_issue_date(i.issued_on.as_deref().unwrap_or(""), birth, today),
        );
        let (series, number, issued_by, division_code) = if passport {
            (
                e.take(
                    "series",
                    digits(
                        i.series.as_deref().unwrap_or(""),
                        4,
                        "Укажите серию",
                        "Серия паспорта — четыре цифры, например 2710",
                    ),
                )
                .map(Some),
                e.take(
                    "number",
                    digits(
                        i.number.as_deref().unwrap_or(""),
                        6,
                        "Укажите номер",
                        "Номер паспорта — шесть цифр, например 123456",
                    ),
                ),
                e.take(
                    "issued_by",
                    required_text(i.issued_by.as_deref(), 300, "Укажите, кем выдан паспорт"),
                )
                .map(Some),
                e.take(
                    "division_code",
                    parse_division_code(i.division_code.as_deref().unwrap_or("")),
                )
                .map(Some),
            )
        } else {
            (
                e.take("series", optional_text(i.series.as_deref(), 20)),
                e.take(
                    "number",
                    required_text(i.number.as_deref(), 40, "Укажите номер"),
                ),
                e.take("issued_by", optional_text(i.issued_by.as_deref(), 300)),
                e.take(
                    "division_code",
                    optional_text(i.division_code.as_deref(), 20),
                ),
            )
        };
        match (t, issued_on, series, number, issued_by, division_code) {
            (
                Some(doc_type),
                Some(issued_on),
                Some(series),
                Some(number),
                Some(issued_by),
                Some(division_code),
            ) if e.is_empty() => Ok(UserDocument {
                doc_type,
                series,
                number,
                issued_on,
                issued_by,
                division_code,
            }),
            _ => Err(e),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PositionInput {
    pub organization_name: Option<String>,
    pub title: Option<String>,
    pub started_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub organization_name: String,
    pub title: String,
    pub started_on: Option<NaiveDate>,
}

impl Position {
    pub fn parse(i: &PositionInput, today: NaiveDate) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let org = e.take(
            "organization_name",
            required_text(i.organization_name.as_deref(), 300, "Укажите организацию"),
        );
        let title = e.take(
            "title",
            required_text(i.title.as_deref(), 200, "Укажите должность"),
        );
        let started = match i.started_on.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(raw) => e
                .take(
                    "started_on",
                    parse_date(raw, "дату начала работы").and_then(|d| {
                        if d > today {
                            Err("Дата начала работы не может быть позже сегодняшней".into())
                        } else {
                            Ok(d)
                        }
                    }),
                )
                .map(Some),
        };
        match (org, title, started) {
            (Some(organization_name), Some(title), Some(started_on)) if e.is_empty() => {
                Ok(Position {
                    organization_name,
                    title,
                    started_on,
                })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn passport_rules() {
        let good = UserDocumentInput {
            doc_type: Some("passport_rf".into()),
            series: Some("27 10".into()),
            number: Some("123456".into()),
            issued_on: Some("2010-06-01".into()),
            issued_by: Some("ОВД г. Светлогорска".into()),
            division_code: Some("390-017".into()),
        };
        let p = UserDocument::parse(&good, Some(d("1988-05-14")), d("2026-12-04")).unwrap();
        assert_eq!(p.series.as_deref(), Some("2710"));
        let bad = UserDocumentInput {
            series: Some("271".into()),
            number: Some("12345a".into()),
            issued_on: Some("1980-01-01".into()),
            issued_by: None,
            division_code: Some("390017".into()),
            ..good
        };
        let e = UserDocument::parse(&bad, Some(d("1988-05-14")), d("2026-12-04")).unwrap_err();
        for f in [
            "series",
            "number",
            "issued_on",
            "issued_by",
            "division_code",
        ] {
            assert!(e.get(f).is_some(), "{f}");
        }
    }

    #[test]
    fn division_codes() {
        assert!(parse_division_code("770-001").is_ok());
        for bad in ["770001", "77-0001", "770-00a", ""] {
            assert!(parse_division_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn positions() {
        let ok = Position::parse(
            &PositionInput {
                organization_name: Some("ООО «Ромашка»".into()),
                title: Some("Бухгалтер".into()),
                started_on: None,
            },
            d("2026-12-04"),
        )
        .unwrap();
        assert_eq!(ok.started_on, None);
        let e = Position::parse(
            &PositionInput {
                started_on: Some("2030-01-01".into()),
                ..Default::default()
            },
            d("2026-12-04"),
        )
        .unwrap_err();
        assert_eq!(e.get("organization_name"), Some("Укажите организацию"));
        assert_eq!(e.get("title"), Some("Укажите должность"));
        assert!(e.get("started_on").is_some());
    }
}
