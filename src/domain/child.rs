//! A child: the short form of "Добавить ребенка", the main information with
//! addresses, and the optional health information.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::address::Address;
use super::date::{parse_birth_date, parse_date};
use super::document::optional_text;
use super::gender::Gender;
use super::name::{parse_optional, NamePart};
use super::snils::Snils;
use super::FieldErrors;

/// A child's date of birth: not in the future and at most 18 years back.
pub fn parse_child_birth_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let date = parse_birth_date(raw, today)?;
    let limit = today.with_year(today.year() - 18).unwrap_or(today);
    if date < limit {
        return Err("Ребенку должно быть меньше 18 лет: проверьте дату рождения".into());
    }
    Ok(date)
}

/// The form "Добавить ребенка" (also the personal part of "Основная информация").
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChildNameInput {
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub middle_name: Option<String>,
    pub birth_date: Option<String>,
    pub gender: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewChild {
    pub last_name: NamePart,
    pub first_name: NamePart,
    pub middle_name: Option<NamePart>,
    pub birth_date: NaiveDate,
    pub gender: Gender,
}

impl NewChild {
    pub fn parse(i: &ChildNameInput, today: NaiveDate, e: &mut FieldErrors) -> Option<NewChild> {
        let last = e.take(
            "last_name",
            NamePart::parse(i.last_name.as_deref().unwrap_or(""), "фамилию"),
        );
        let first = e.take(
            "first_name",
            NamePart::parse(i.first_name.as_deref().unwrap_or(""), "имя"),
        );
        let middle = e.take(
            "middle_name",
            parse_optional(i.middle_name.as_deref(), "отчество"),
        );
        let birth = e.take(
            "birth_date",
            parse_child_birth_date(i.birth_date.as_deref().unwrap_or(""), today),
        );
        let gender = e.take("gender", Gender::parse(i.gender.as_deref().unwrap_or("")));
        Some(NewChild {
            last_name: last?,
            first_name: first?,
            middle_name: middle?,
            birth_date: birth?,
            gender: gender?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Citizenship {
    Russia,
    Foreign,
    Stateless,
}

impl Citizenship {
    pub fn parse(raw: Option<&str>) -> Result<Option<Self>, String> {
        match raw.map(str::trim) {
            None | Some("") => Ok(None),
            Some(v) => super::parse_choice(v, "Выберите гражданство").map(Some),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Russia => "russia",
            Self::Foreign => "foreign",
            Self::Stateless => "stateless",
        }
    }
}

/// "Основная информация" as sent by "Сохранить".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChildMainInput {
    #[serde(flatten)]
    pub names: ChildNameInput,
    pub snils: Option<String>,
    pub citizenship: Option<String>,
    #[serde(default)]
    pub registration: Address,
    #[serde(default)]
    pub actual_same_as_registration: bool,
    #[serde(default)]
    pub actual: Address,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildMain {
    pub child: NewChild,
    pub snils: Option<Snils>,
    pub citizenship: Option<Citizenship>,
    pub registration: Address,
    pub actual_same_as_registration: bool,
    /// Empty when it is the same as the registration address.
    pub actual: Address,
}

impl ChildMain {
    pub fn parse(i: &ChildMainInput, today: NaiveDate) -> Result<ChildMain, FieldErrors> {
        let mut e = FieldErrors::new();
        let child = NewChild::parse(&i.names, today, &mut e);
        let snils = match i.snils.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(raw) => e.take("snils", Snils::parse(raw)).map(Some),
        };
        let citizenship = e.take("citizenship", Citizenship::parse(i.citizenship.as_deref()));
        let registration = i.registration.parse("registration", &mut e);
        let actual = if i.actual_same_as_registration {
            Some(Address::default())
        } else {
            i.actual.parse("actual", &mut e)
        };
        match (child, snils, citizenship, registration, actual) {
            (Some(child), Some(snils), Some(citizenship), Some(registration), Some(actual))
                if e.is_empty() =>
            {
                Ok(ChildMain {
                    child,
                    snils,
                    citizenship,
                    registration,
                    actual_same_as_registration: i.actual_same_as_registration,
                    actual,
                })
            }
            _ => Err(e),
        }
    }
}

/// Группа здоровья.
pub const HEALTH_GROUPS: [&str; 5] = ["I", "II", "III", "IV", "V"];

/// "Информация о здоровье" as sent by "Сохранить". Every part is optional.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HealthInput {
    pub health_group: Option<String>,
    #[serde(default)]
    pub disability: bool,
    #[serde(default)]
    pub adapted_program: bool,
    pub pmpk_number: Option<String>,
    pub pmpk_date: Option<String>,
    pub health_notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    pub health_group: Option<String>,
    pub disability: bool,
    pub adapted_program: bool,
    pub pmpk_number: Option<String>,
    pub pmpk_date: Option<NaiveDate>,
    pub health_notes: Option<String>,
}

pub const HEALTH_NOTES_MAX: usize = 1000;

impl Health {
    /// The ПМПК conclusion is required when an adapted programme is needed.
    pub fn parse(
        i: &HealthInput,
        birth: NaiveDate,
        today: NaiveDate,
    ) -> Result<Health, FieldErrors> {
        let mut e = FieldErrors::new();
        let group = match i.health_group.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(g) if HEALTH_GROUPS.contains(&g) => Some(Some(g.to_string())),
            Some(_) => {
                e.add("health_group", "Выберите группу здоровья от I до V");
                None
            }
        };
        let notes = e.take(
            "health_notes",
            optional_text(i.health_notes.as_deref(), HEALTH_NOTES_MAX),
        );
        let (number, date) = if i.adapted_program {
            let number = e.take(
                "pmpk_number",
                optional_text(i.pmpk_number.as_deref(), 50)
                    .and_then(|n| n.ok_or_else(|| "Укажите номер заключения ПМПК".to_string())),
            );
            let date = e.take(
                "pmpk_date",
                parse_date(i.pmpk_date.as_deref().unwrap_or(""), "дату заключения ПМПК").and_then(
                    |d| {
                        if d > today {
                            Err("Дата заключения не может быть позже сегодняшней".into())
                        } else if d < birth {
                            Err("Дата заключения не может быть раньше даты рождения".into())
                        } else {
                            Ok(d)
                        }
                    },
                ),
            );
            (number.map(Some), date.map(Some))
        } else {
            // Without an adapted programme a conclusion is not kept.
            (Some(None), Some(None))
        };
        match (group, notes, number, date) {
            (Some(health_group), Some(health_notes), Some(pmpk_number), Some(pmpk_date))
                if e.is_empty() =>
            {
                Ok(Health {
                    health_group,
                    disability: i.disability,
                    adapted_program: i.adapted_program,
                    pmpk_number,
                    pmpk_date,
                    health_notes,
                })
            }
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const TODAY: &str = "2026-12-04";

    #[test]
    fn child_birth_date_within_18_years() {
        let today = d(TODAY);
        assert!(parse_child_birth_date("2008-12-04", today).is_ok());
        assert!(parse_child_birth_date("2008-12-03", today)
            .unwrap_err()
            .contains("меньше 18 лет"));
        assert!(parse_child_birth_date("2026-12-05", today).is_err());
    }

    #[test]
    fn new_child_reports_all_fields() {
        let mut e = FieldErrors::new();
        let r = NewChild::parse(&ChildNameInput::default(), d(TODAY), &mut e);
        assert!(r.is_none());
        for f in ["last_name", "first_name", "birth_date", "gender"] {
            assert!(e.get(f).is_some(), "{f}");
        }
        assert!(e.get("middle_name").is_none(), "отчество is optional");
    }

    #[test]
    fn main_information_with_address() {
        let input: ChildMainInput = serde_json::from_value(serde_json::json!({
            "last_name": "Тестов", "first_name": "Мирон", "middle_name": "Ильич",
            "birth_date": "2022-05-01", "gender": "M", "snils": "112-233-445 95", "citizenship": "russia",
            "registration": {"region": "Калининградская область", "locality": "г. Светлогорск", "house": "5"},
            "actual_same_as_registration": true,
            "actual": {"region": "ignored"}
        }))
        .unwrap();
        let m = ChildMain::parse(&input, d(TODAY)).unwrap();
        assert_eq!(m.snils.unwrap().digits(), "11223344595");
        assert!(m.actual.is_empty());
        let mut bad = input.clone();
        bad.snils = Some("112-233-445 96".into());
        bad.actual_same_as_registration = false;
        bad.actual = Address {
            street: Some("Мира".into()),
            ..Default::default()
        };
        let e = ChildMain::parse(&bad, d(TODAY)).unwrap_err();
        assert!(e.get("snils").is_some());
        assert_eq!(e.get("actual_region"), Some("Укажите регион"));
    }

    #[test]
    fn health_needs_pmpk_only_with_an_adapted_programme() {
        let birth = d("2022-05-01");
        let ok = Health::parse(
            &HealthInput {
                health_group: Some("II".into()),
                ..Default::default()
            },
            birth,
            d(TODAY),
        )
        .unwrap();
        assert_eq!(ok.health_group.as_deref(), Some("II"));
        let e = Health::parse(
            &HealthInput {
                adapted_program: true,
                ..Default::default()
            },
            birth,
            d(TODAY),
        )
        .unwrap_err();
        assert_eq!(e.get("pmpk_number"), Some("Укажите номер заключения ПМПК"));
        assert_eq!(e.get("pmpk_date"), Some("Укажите дату заключения ПМПК"));
        let e = Health::parse(
            &HealthInput {
                health_group: Some("VI".into()),
                ..Default::default()
            },
            birth,
            d(TODAY),
        )
        .unwrap_err();
        assert!(e.get("health_group").is_some());
        let long = "а".repeat(HEALTH_NOTES_MAX + 1);
        let e = Health::parse(
            &HealthInput {
                health_notes: Some(long),
                ..Default::default()
            },
            birth,
            d(TODAY),
        )
        .unwrap_err();
        assert!(e.get("health_notes").is_some());
    }

    proptest! {
        #[test]
        fn any_date_in_the_last_18_years_is_a_child_birth_date(days in 0i64..(18 * 365)) {
            let today = d(TODAY);
            let birth = today - chrono::Duration::days(days);
            prop_assert!(parse_child_birth_date(&birth.format("%Y-%m-%d").to_string(), today).is_ok());
        }

        #[test]
        fn future_dates_are_refused(days in 1i64..3000) {
            let today = d(TODAY);
            let birth = today + chrono::Duration::days(days);
            prop_assert!(parse_child_birth_date(&birth.format("%Y-%m-%d").to_string(), today).is_err());
        }
    }
}
