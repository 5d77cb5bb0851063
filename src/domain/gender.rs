//! Пол, as ESIA passes it ("M"/"F").

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    #[serde(rename = "M")]
    Male,
    #[serde(rename = "F")]
    Female,
}

impl Gender {
    pub fn parse(raw: &str) -> Result<Self, String> {
        match raw.trim() {
            "M" | "m" | "М" | "male" | "Мужской" => Ok(Self::Male),
            "F" | "f" | "Ж" | "female" | "Женский" => Ok(Self::Female),
            "" => Err("Укажите пол".into()),
            _ => Err("Выберите пол: мужской или женский".into()),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Male => "M",
            Self::Female => "F",
        }
    }
}
