//! Calendar dates as users type them (`<input type="date">` sends ISO 8601).

use chrono::{Datelike, NaiveDate};

/// Parses "YYYY-MM-DD"; `what` names the field in the message ("дату рождения").
pub fn parse_date(raw: &str, what: &str) -> Result<NaiveDate, String> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(format!("Укажите {what}"));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| format!("Укажите {what} в виде ДД.ММ.ГГГГ"))
}

/// A person's date of birth: not after `today`, not before 1900.
pub fn parse_birth_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let date = parse_date(raw, "дату рождения")?;
    if date > today {
        return Err("Укажите дату рождения не позже сегодняшней".into());
    }
    if date.year() < 1900 {
        return Err("Проверьте год рождения: он не может быть раньше 1900".into());
    }
    Ok(date)
}

/// "11.02.2023", as dates are shown to people.
pub fn format_ru(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn birth_dates() {
        let today = d("2026-12-04");
        assert_eq!(parse_birth_date("2026-12-04", today).unwrap(), today);
        assert!(parse_birth_date("2026-12-05", today)
            .unwrap_err()
            .contains("не позже"));
        assert!(parse_birth_date("1899-12-31", today).is_err());
        assert!(parse_birth_date("04.12.2020", today).is_err());
        assert_eq!(
            parse_birth_date("", today).unwrap_err(),
            "Укажите дату рождения"
        );
        assert_eq!(format_ru(d("2023-02-11")), "11.02.2023");
    }
}
