//! Documents: the child's (свидетельство о рождении and others) and the
//! parent's own (паспорт and others), with the rules for their requisites.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::parse_date;
use super::FieldErrors;

/// "Тип документа" of a child's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChildDocType {
    BirthCertificate,
    ForeignBirthCertificate,
    ZagsExtract,
    Snils,
    OmsPolicy,
    PmpkConclusion,
    BenefitProof,
    Other,
}

impl ChildDocType {
    pub const ALL: [ChildDocType; 8] = [
        Self::BirthCertificate,
        Self::ForeignBirthCertificate,
        Self::ZagsExtract,
        Self::Snils,
        Self::OmsPolicy,
        Self::PmpkConclusion,
        Self::BenefitProof,
        Self::Other,
    ];

    pub fn parse(raw: &str) -> Result<Self, String> {
        super::parse_choice(raw, "Выберите тип документа")
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::BirthCertificate => "birth_certificate",
            Self::ForeignBirthCertificate => "foreign_birth_certificate",
            Self::ZagsExtract => "zags_extract",
            Self::Snils => "snils",
            Self::OmsPolicy => "oms_policy",
            Self::PmpkConclusion => "pmpk_conclusion",
            Self::BenefitProof => "benefit_proof",
            Self::Other => "other",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::BirthCertificate => "Свидетельство о рождении",
            Self::ForeignBirthCertificate => "Свидетельство о рождении, выданное за рубежом",
            Self::ZagsExtract => "Выписка из ЕГР ЗАГС",
            Self::Snils => "СНИЛС",
            Self::OmsPolicy => "Полис ОМС",
            Self::PmpkConclusion => "Заключение ПМПК",
            Self::BenefitProof => "Документ, подтверждающий право на льготу",
            Self::Other => "Иной документ",
        }
    }

    /// Documents an application accepts as proof of birth.
    pub fn proves_birth(self) -> bool {
        matches!(
            self,
            Self::BirthCertificate | Self::ForeignBirthCertificate | Self::ZagsExtract
        )
    }
}

fn is_cyrillic_capital(c: char) -> bool {
    matches!(c, 'А'..='Я' | 'Ё')
}

/// `n` (1..=39) in Roman numerals.
fn roman(n: u32) -> String {
    let tens = "X".repeat((n / 10) as usize);
    let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][(n % 10) as usize];
    tens + ones
}

/// A Roman numeral written in Latin capitals, 1..=39 (series use small ones).
fn is_roman(s: &str) -> bool {
    s.len() <= 8 && (1..=39).any(|n| roman(n) == s)
}

/// Series of a Russian birth certificate: "II-ИВ".
pub fn parse_birth_certificate_series(raw: &str) -> Result<String, String> {
    let value: String = raw.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if value.is_empty() {
        return Err("Укажите серию".into());
    }
    let shape_hint = "Серия — римское число латинскими буквами, дефис и две русские заглавные буквы, например II-ИВ";
    let Some((roman, letters)) = value.split_once('-') else {
        return Err(shape_hint.into());
    };
    let letters: Vec<char> = letters.chars().collect();
    if !is_roman(roman) || letters.len() != 2 || !letters.iter().all(|&c| is_cyrillic_capital(c)) {
        return Err(shape_hint.into());
    }
    Ok(value)
}

/// Number of a Russian birth certificate: six digits.
pub fn parse_birth_certificate_number(raw: &str) -> Result<String, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err("Укажите номер".into());
    }
    if value.len() != 6 || !value.chars().all(|c| c.is_ascii_digit()) {
        return Err("Номер свидетельства о рождении — шесть цифр, например 123456".into());
    }
    Ok(value.to_string())
}

/// Date of issue: not before `not_before` (the holder's birth), not after today.
pub fn parse_issue_date(
    raw: &str,
    not_before: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<NaiveDate, String> {
    let date = parse_date(raw, "дату выдачи")?;
    if date > today {
        return Err("Дата выдачи не может быть позже сегодняшней".into());
    }
    if let Some(birth) = not_before {
        if date < birth {
            return Err("Дата выдачи не может быть раньше даты рождения".into());
        }
    }
    Ok(date)
}

/// Free text of at most `max` characters; `None` when empty.
pub fn optional_text(raw: Option<&str>, max: usize) -> Result<Option<String>, String> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if v.chars().count() > max => Err(format!("Не более {max} символов")),
        Some(v) => Ok(Some(v.to_string())),
    }
}

/// Required free text of at most `max` characters.
pub fn required_text(raw: Option<&str>, max: usize, missing: &str) -> Result<String, String> {
    optional_text(raw, max)?.ok_or_else(|| missing.to_string())
}

/// A child's document as typed into "Добавить документ".
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ChildDocumentInput {
    pub doc_type: Option<String>,
    pub series: Option<String>,
    pub number: Option<String>,
    pub issued_on: Option<String>,
    pub issued_by: Option<String>,
    pub act_record_number: Option<String>,
}

/// A child's document with valid requisites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildDocument {
    pub doc_type: ChildDocType,
    pub series: Option<String>,
    pub number: String,
    pub issued_on: NaiveDate,
    pub issued_by: Option<String>,
    pub act_record_number: Option<String>,
}

impl ChildDocument {
    /// Checks every field; all errors at once, each on its field.
    pub fn parse(
        input: &ChildDocumentInput,
        birth: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::new();
        let doc_type = e.take(
            "doc_type",
            ChildDocType::parse(input.doc_type.as_deref().unwrap_or("")),
        );
        let issued_on = e.take(
            "issued_on",
            parse_issue_date(input.issued_on.as_deref().unwrap_or(""), Some(birth), today),
        );
        let russian = doc_type == Some(ChildDocType::BirthCertificate);
        let series = if russian {
            e.take(
                "series",
                parse_birth_certificate_series(input.series.as_deref().unwrap_or("")),
            )
            .map(Some)
        } else {
            e.take("series", optional_text(input.series.as_deref(), 20))
        };
        let number = if russian {
            e.take(
                "number",
                parse_birth_certificate_number(input.number.as_deref().unwrap_or("")),
            )
        } else {
            e.take(
                "number",
                required_text(input.number.as_deref(), 40, "Укажите номер"),
            )
        };
        let issued_by = if doc_type.is_some_and(ChildDocType::proves_birth) {
            e.take(
                "issued_by",
                required_text(
                    input.issued_by.as_deref(),
                    300,
                    "Укажите, кем выдан документ",
                ),
            )
            .map(Some)
        } else {
            e.take("issued_by", optional_text(input.issued_by.as_deref(), 300))
        };
        let act = if russian {
            e.take(
                "act_record_number",
                required_text(
                    input.act_record_number.as_deref(),
                    30,
                    "Укажите номер актовой записи",
                )
                .and_then(|v| {
                    if v.chars().all(|c| c.is_ascii_digit()) {
                        Ok(v)
                    } else {
                        Err("Номер актовой записи состоит из цифр".into())
                    }
                }),
            )
            .map(Some)
        } else {
            e.take(
                "act_record_number",
                optional_text(input.act_record_number.as_deref(), 30),
            )
        };
        match (doc_type, issued_on, series, number, issued_by, act) {
            (
                Some(doc_type),
                Some(issued_on),
                Some(series),
                Some(number),
                Some(issued_by),
                Some(act_record_number),
            ) if e.is_empty() => Ok(ChildDocument {
                doc_type,
                series,
                number,
                issued_on,
                issued_by,
                act_record_number,
            }),
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

    #[test]
    fn birth_certificate_series() {
        assert_eq!(parse_birth_certificate_series("II-ИВ").unwrap(), "II-ИВ");
        assert_eq!(
            parse_birth_certificate_series(" XIV-АБ ").unwrap(),
            "XIV-АБ"
        );
        for bad in [
            "",
            "2-ИВ",
            "II-IV",
            "II-ив",
            "IIИВ",
            "II-ИВА",
            "ІІ-ИВ",
            "IIII-ИВ",
            "II-И",
        ] {
            assert!(
                parse_birth_certificate_series(bad).is_err(),
                "{bad} accepted"
            );
        }
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(38).len(), 7);
        assert!(is_roman("XXIV") && !is_roman("IIII") && !is_roman("XL"));
    }

    #[test]
    fn birth_certificate_number() {
        assert!(parse_birth_certificate_number("123456").is_ok());
        for bad in ["", "12345", "1234567", "12345a"] {
            assert!(
                parse_birth_certificate_number(bad).is_err(),
                "{bad} accepted"
            );
        }
    }

    #[test]
    fn issue_dates() {
        let birth = d("2021-03-01");
        let today = d("2026-12-04");
        assert!(parse_issue_date("2021-03-10", Some(birth), today).is_ok());
        assert!(parse_issue_date("2021-02-28", Some(birth), today)
            .unwrap_err()
            .contains("раньше даты рождения"));
        assert!(parse_issue_date("2026-12-05", Some(birth), today)
            .unwrap_err()
            .contains("позже сегодняшней"));
    }

    #[test]
    fn a_document_reports_every_wrong_field_at_once() {
        let input = ChildDocumentInput {
            doc_type: Some("birth_certificate".into()),
            series: Some("2-ИВ".into()),
            number: Some("12".into()),
            issued_on: Some("2030-01-01".into()),
            issued_by: None,
            act_record_number: Some("12a".into()),
        };
        let e = ChildDocument::parse(&input, d("2021-03-01"), d("2026-12-04")).unwrap_err();
        for f in [
            "series",
            "number",
            "issued_on",
            "issued_by",
            "act_record_number",
        ] {
            assert!(e.get(f).is_some(), "{f} not reported");
        }
        let other = ChildDocumentInput {
            doc_type: Some("oms_policy".into()),
            number: Some("7700 0000 0000 0000".into()),
            issued_on: Some("2021-04-01".into()),
            ..Default::default()
        };
        let ok = ChildDocument::parse(&other, d("2021-03-01"), d("2026-12-04")).unwrap();
        assert_eq!(ok.doc_type, ChildDocType::OmsPolicy);
        assert!(!ok.doc_type.proves_birth());
        assert!(ChildDocType::parse("passport").is_err());
    }

    proptest! {
        #[test]
        fn every_small_roman_with_two_capitals_is_a_series(n in 0usize..39, a in "[А-Я]", b in "[А-Я]") {
            const R: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
            let roman = R[n % 10];
            let s = format!("{roman}-{a}{b}");
            prop_assert!(parse_birth_certificate_series(&s).is_ok());
        }

        #[test]
        fn latin_letters_after_the_hyphen_are_refused(a in "[A-Z]", b in "[A-ZА-Я]") {
            let s = format!("II-{a}{b}");
            prop_assert!(parse_birth_certificate_series(&s).is_err());
        }

        #[test]
        fn six_digits_and_only_six(n in 0u32..1_000_000, extra in 0u32..10) {
            let s = format!("{n:06}");
            prop_assert!(parse_birth_certificate_number(&s).is_ok());
            let longer = format!("{s}{extra}");
            prop_assert!(parse_birth_certificate_number(&longer).is_err());
        }
    }
}
