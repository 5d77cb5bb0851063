//! Russian mobile phone numbers, kept as "+7XXXXXXXXXX".

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        let junk = raw
            .chars()
            .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+')));
        let national = match digits.len() {
            11 if digits.starts_with('7') || digits.starts_with('8') => &digits[1..],
            10 => &digits[..],
            _ => "",
        };
        if junk || national.is_empty() {
            return Err("Укажите телефон в виде +7 900 123-45-67".into());
        }
        Ok(Self(format!("+7{national}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(
            Phone::parse("8 (900) 123-45-67").unwrap().as_str(),
            "+79001234567"
        );
        assert_eq!(
            Phone::parse("+79001234567").unwrap().as_str(),
            "+79001234567"
        );
        assert!(Phone::parse("12345").is_err());
        assert!(Phone::parse("+7 900 123 45 6x").is_err());
    }
}
