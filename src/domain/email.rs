//! E-mail addresses, checked for shape only: delivery proves the rest.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, String> {
        let value = raw.trim();
        if value.is_empty() {
            return Err("Укажите адрес электронной почты".into());
        }
        let ok = value.len() <= 254
            && !value.chars().any(char::is_whitespace)
            && match value.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if !ok {
            return Err("Укажите адрес электронной почты в виде name@example.ru".into());
        }
        Ok(Self(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert!(Email::parse("ivanov@mail.ru").is_ok());
        assert!(Email::parse(" a.b@школа.рф ").is_ok());
        for bad in [
            "",
            "ivanov",
            "ivanov@",
            "@mail.ru",
            "a@b",
            "a b@mail.ru",
            "a@@mail.ru",
            "a@mail.",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
