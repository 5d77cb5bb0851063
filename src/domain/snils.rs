//! СНИЛС: 11 digits, the last two a checksum of the first nine.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Snils(String);

impl Snils {
    /// Accepts "123-456-789 01" or "12345678901" (spaces and hyphens ignored).
    pub fn parse(raw: &str) -> Result<Self, String> {
        let digits: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if digits.is_empty() {
            return Err("Укажите СНИЛС".into());
        }
        if digits.len() != 11 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err("СНИЛС состоит из 11 цифр, например 112-233-445 95".into());
        }
        let d: Vec<u32> = digits
            .chars()
            .map(|c| c.to_digit(10).unwrap_or(0))
            .collect();
        let expected = checksum(&d[..9]);
        let given = d[9] * 10 + d[10];
        if expected != given {
            return Err("СНИЛС указан с ошибкой: не сходится контрольное число".into());
        }
        Ok(Self(digits))
    }

    /// The digits only, as stored.
    pub fn digits(&self) -> &str {
        &self.0
    }

    /// "112-233-445 95", as printed on the card.
    pub fn formatted(&self) -> String {
        let s = &self.0;
        format!("{}-{}-{} {}", &s[0..3], &s[3..6], &s[6..9], &s[9..11])
    }

    /// For logs: the last two digits only (152-ФЗ: no SNILS in plain text).
    pub fn masked(&self) -> String {
        format!("***-***-*** {}", &self.0[9..11])
    }
}

/// The Pension Fund's rule: weights 9..1, sum mod 101, 100 and 101 give 00.
/// (Numbers up to 001-001-998 have no checksum rule; none are issued now,
/// and the rule below gives them their own digits' sum, which is what they carry.)
pub fn checksum(nine: &[u32]) -> u32 {
    let sum: u32 = nine.iter().zip((1..=9).rev()).map(|(d, w)| d * w).sum();
    match sum {
        s if s < 100 => s,
        100 | 101 => 0,
        s => {
            let r = s % 101;
            if r == 100 {
                0
            } else {
                r
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_known_valid_numbers() {
        let s = Snils::parse("112-233-445 95").unwrap();
        assert_eq!(s.digits(), "11223344595");
        assert_eq!(s.formatted(), "112-233-445 95");
        assert_eq!(s.masked(), "***-***-*** 95");
        assert!(Snils::parse("11223344595").is_ok());
    }

    #[test]
    fn refuses_wrong_checksum_and_shape() {
        assert_eq!(Snils::parse("").unwrap_err(), "Укажите СНИЛС");
        assert!(Snils::parse("112-233-445 96")
            .unwrap_err()
            .contains("контрольное"));
        assert!(Snils::parse("112-233-445 9")
            .unwrap_err()
            .contains("11 цифр"));
        assert!(Snils::parse("112-233-44a 95").is_err());
    }

    proptest! {
        #[test]
        fn every_number_with_its_checksum_is_accepted(nine in proptest::collection::vec(0u32..10, 9)) {
            let c = checksum(&nine);
            let s: String = nine.iter().map(|d| d.to_string()).collect::<String>() + &format!("{c:02}");
            prop_assert!(Snils::parse(&s).is_ok());
        }

        #[test]
        fn a_changed_checksum_is_refused(nine in proptest::collection::vec(0u32..10, 9), delta in 1u32..100) {
            let c = (checksum(&nine) + delta) % 100;
            let s: String = nine.iter().map(|d| d.to_string()).collect::<String>() + &format!("{c:02}");
            prop_assert!(Snils::parse(&s).is_err());
        }
    }
}
