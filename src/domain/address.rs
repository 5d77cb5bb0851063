//! Addresses of registration and of actual residence.

use serde::{Deserialize, Serialize};

use super::document::optional_text;
use super::FieldErrors;

/// An address as typed; every part optional until the person fills it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub region: Option<String>,
    pub district: Option<String>,
    pub locality: Option<String>,
    pub street: Option<String>,
    pub house: Option<String>,
    pub building: Option<String>,
    pub flat: Option<String>,
    pub postcode: Option<String>,
}

impl Address {
    pub fn is_empty(&self) -> bool {
        [
            &self.region,
            &self.district,
            &self.locality,
            &self.street,
            &self.house,
            &self.building,
            &self.flat,
            &self.postcode,
        ]
        .iter()
        .all(|p| p.as_deref().is_none_or(|s| s.trim().is_empty()))
    }

    /// Parses an address whose fields are reported as `{prefix}_{part}`.
    /// An empty address is allowed; a started one needs регион, населённый
    /// пункт and дом, and a 6-digit индекс if one is given.
    pub fn parse(&self, prefix: &str, e: &mut FieldErrors) -> Option<Address> {
        if self.is_empty() {
            return Some(Address::default());
        }
        let f = |part: &str| format!("{prefix}_{part}");
        let mut required = |part: &str, value: &Option<String>, missing: &str, max: usize| {
            e.take(
                &f(part),
                optional_text(value.as_deref(), max)
                    .and_then(|v| v.ok_or_else(|| missing.to_string())),
            )
            .map(Some)
        };
        let region = required("region", &self.region, "Укажите регион", 150);
        let locality = required("locality", &self.locality, "Укажите населённый пункт", 150);
        let house = required("house", &self.house, "Укажите дом", 20);
        let district = e.take(&f("district"), optional_text(self.district.as_deref(), 150));
        let street = e.take(&f("street"), optional_text(self.street.as_deref(), 150));
        let building = e.take(&f("building"), optional_text(self.building.as_deref(), 20));
        let flat = e.take(&f("flat"), optional_text(self.flat.as_deref(), 20));
        let postcode = e.take(
            &f("postcode"),
            optional_text(self.postcode.as_deref(), 6).and_then(|p| match p {
                Some(p) if p.len() != 6 || !p.chars().all(|c| c.is_ascii_digit()) => {
                    Err("Индекс — шесть цифр, например 238560".to_string())
                }
                other => Ok(other),
            }),
        );
        Some(Address {
            region: region?,
            district: district?,
            locality: locality?,
            street: street?,
            house: house?,
            building: building?,
            flat: flat?,
            postcode: postcode?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_is_fine_started_needs_the_essentials() {
        let mut e = FieldErrors::new();
        assert_eq!(
            Address::default().parse("reg", &mut e),
            Some(Address::default())
        );
        assert!(e.is_empty());
        let started = Address {
            street: Some("Ленина".into()),
            postcode: Some("12345".into()),
            ..Default::default()
        };
        assert_eq!(started.parse("reg", &mut e), None);
        assert_eq!(e.get("reg_region"), Some("Укажите регион"));
        assert_eq!(e.get("reg_locality"), Some("Укажите населённый пункт"));
        assert_eq!(e.get("reg_house"), Some("Укажите дом"));
        assert!(e.get("reg_postcode").unwrap().contains("шесть цифр"));
    }

    #[test]
    fn a_full_address_parses_trimmed() {
        let mut e = FieldErrors::new();
        let a = Address {
            region: Some(" Калининградская область ".into()),
            locality: Some("г. Светлогорск".into()),
            street: Some("ул. Ленина".into()),
            house: Some("12".into()),
            flat: Some("".into()),
            postcode: Some("238560".into()),
            ..Default::default()
        };
        let parsed = a.parse("fact", &mut e).unwrap();
        assert!(e.is_empty());
        assert_eq!(parsed.region.as_deref(), Some("Калининградская область"));
        assert_eq!(parsed.flat, None);
    }
}
