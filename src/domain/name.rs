//! Parts of a person's full name (ФИО): фамилия, имя, отчество.

use serde::Serialize;

const MAX_LEN: usize = 60;

/// One part of a name: Cyrillic letters, with a hyphen, a space or an
/// apostrophe between letters ("Римский-Корсаков", "Д'Артаньян").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct NamePart(String);

fn is_cyrillic_letter(c: char) -> bool {
    matches!(c, 'А'..='я' | 'Ё' | 'ё')
}

impl NamePart {
    /// `what` is the field's name in the message, e.g. "фамилию".
    pub fn parse(raw: &str, what: &str) -> Result<Self, String> {
        let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if value.is_empty() {
            return Err(format!("Укажите {what}"));
        }
        if value.chars().count() > MAX_LEN {
            return Err(format!(
                "Слишком длинное значение: не более {MAX_LEN} символов"
            ));
        }
        let chars: Vec<char> = value.chars().collect();
        let valid_chars = chars
            .iter()
            .all(|&c| is_cyrillic_letter(c) || matches!(c, '-' | ' ' | '\''));
        if !valid_chars {
            return Err("Используйте только русские буквы, дефис, пробел или апостроф".into());
        }
        let starts_and_ends_with_letter =
            is_cyrillic_letter(chars[0]) && is_cyrillic_letter(chars[chars.len() - 1]);
        let no_double_separators = chars
            .windows(2)
            .all(|w| is_cyrillic_letter(w[0]) || is_cyrillic_letter(w[1]));
        if !starts_and_ends_with_letter || !no_double_separators {
            return Err("Дефис, пробел и апостроф могут стоять только между буквами".into());
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Фамилия, имя и (если есть) отчество.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FullName {
    pub last_name: NamePart,
    pub first_name: NamePart,
    pub middle_name: Option<NamePart>,
}

impl FullName {
    /// "Тестов Мирон Ильич".
    pub fn display(&self) -> String {
        let mut parts = vec![self.last_name.as_str(), self.first_name.as_str()];
        if let Some(middle) = &self.middle_name {
            parts.push(middle.as_str());
        }
        parts.join(" ")
    }
}

/// Parses an optional part: empty input means "absent".
pub fn parse_optional(raw: Option<&str>, what: &str) -> Result<Option<NamePart>, String> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => NamePart::parse(value, what).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_real_names() {
        for ok in [
            "Иванов",
            "Римский-Корсаков",
            "Анна Мария",
            "Д'Артаньян",
            "Ёлкин",
        ] {
            assert_eq!(NamePart::parse(ok, "имя").unwrap().as_str(), ok);
        }
    }

    #[test]
    fn folds_spaces() {
        assert_eq!(
            NamePart::parse("  Анна   Мария ", "имя").unwrap().as_str(),
            "Анна Мария"
        );
    }

    #[test]
    fn refuses_near_misses() {
        assert_eq!(
            NamePart::parse("", "фамилию").unwrap_err(),
            "Укажите фамилию"
        );
        for bad in [
            "Ivanov",
            "Иванов1",
            "-Иванов",
            "Иванов-",
            "Иван--ов",
            "Иван -ов",
            "Ива_нов",
        ] {
            assert!(NamePart::parse(bad, "имя").is_err(), "{bad} accepted");
        }
        assert!(NamePart::parse(&"а".repeat(61), "имя").is_err());
    }

    proptest! {
        #[test]
        fn cyrillic_words_joined_by_hyphen_are_names(a in "[А-Яа-яЁё]{1,20}", b in "[А-Яа-яЁё]{1,20}") {
            let joined = format!("{a}-{b}");
            let parsed = NamePart::parse(&joined, "имя").unwrap();
            prop_assert_eq!(parsed.as_str(), joined.as_str());
        }

        #[test]
        fn any_latin_letter_is_refused(a in "[А-Яа-я]{0,10}", l in "[A-Za-z]", b in "[А-Яа-я]{0,10}") {
            let s = format!("{a}{l}{b}");
            prop_assert!(NamePart::parse(&s, "имя").is_err());
        }
    }
}
