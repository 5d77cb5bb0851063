//! Settings from wrangler vars and secrets. Outside development a missing
//! setting is an error with the setting's name, never a silent fallback.

use std::collections::HashMap;

use jwt_simple::prelude::*;

use crate::app::dev_idp;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

/// Everything the worker reads from its environment.
#[derive(Clone)]
pub struct Config {
    pub environment: Environment,
    /// The portal's own origin, e.g. "https://edu.example.ru"; the OIDC redirect_uri is built on it.
    pub public_url: String,
    oidc: Result<OidcSettings, String>,
}

/// A public key the identity provider signs id_tokens with.
#[derive(Clone)]
pub enum VerifyingKey {
    Es256(ES256PublicKey),
    Rs256(Box<RS256PublicKey>),
}

/// Where and how to log in: ESIA in production, the built-in provider in development.
#[derive(Clone)]
pub struct OidcSettings {
    pub issuer: String,
    pub authorize_url: String,
    /// `None`: the development provider, whose token endpoint runs in-process.
    pub token_url: Option<String>,
    pub client_id: String,
    pub client_secret: String,
    pub keys: Vec<VerifyingKey>,
    pub scope: String,
}

pub const ESIA_SCOPE: &str = "openid fullname birthdate gender snils email mobile";

impl Config {
    /// `vars` holds wrangler vars and secrets by name.
    pub fn from_vars(vars: &HashMap<String, String>) -> Result<Config, String> {
        let get = |name: &str| {
            vars.get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let environment = match get("ENVIRONMENT").as_deref() {
            Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => {
                return Err(format!(
                    "ENVIRONMENT={other}: ожидается development или production"
                ))
            }
            None => return Err("не задан параметр ENVIRONMENT".into()),
        };
        let public_url = match (get("PUBLIC_URL"), &environment) {
            (Some(url), _) => url.trim_end_matches('/').to_string(),
            (None, Environment::Development) => "http://127.0.0.1:8787".to_string(),
            (None, Environment::Production) => return Err("не задан параметр PUBLIC_URL".into()),
        };
        let wants_esia = get("ESIA_CLIENT_ID").is_some() || environment == Environment::Production;
        let oidc = if wants_esia {
            esia_settings(&get)
        } else {
            Ok(dev_idp::settings(&public_url))
        };
        Ok(Config {
            environment,
            public_url,
            oidc,
        })
    }

    pub fn is_development(&self) -> bool {
        self.environment == Environment::Development
    }

    /// The login settings, or the Russian reason they are incomplete.
    pub fn oidc(&self) -> Result<&OidcSettings, &str> {
        self.oidc.as_ref().map_err(String::as_str)
    }

    pub fn redirect_uri(&self) -> String {
        format!("{}/api/auth/callback", self.public_url)
    }

    /// A config for tests and tools: development with the built-in provider.
    pub fn development(public_url: &str) -> Config {
        Config {
            environment: Environment::Development,
            public_url: public_url.to_string(),
            oidc: Ok(dev_idp::settings(public_url)),
        }
    }

    /// A config with explicit login settings (tests of the production path).
    pub fn with_oidc(environment: Environment, public_url: &str, oidc: OidcSettings) -> Config {
        Config {
            environment,
            public_url: public_url.to_string(),
            oidc: Ok(oidc),
        }
    }
}

fn esia_settings(get: &dyn Fn(&str) -> Option<String>) -> Result<OidcSettings, String> {
    let require = |name: &str| get(name).ok_or_else(|| format!("не задан параметр {name}"));
    let alg = get("ESIA_ALG").unwrap_or_else(|| "RS256".to_string());
    let pems = require("ESIA_PUBLIC_KEYS")?;
    let keys = parse_keys(&alg, &pems)?;
    Ok(OidcSettings {
        issuer: require("ESIA_ISSUER")?,
        authorize_url: require("ESIA_AUTHORIZE_URL")?,
        token_url: Some(require("ESIA_TOKEN_URL")?),
        client_id: require("ESIA_CLIENT_ID")?,
        client_secret: require("ESIA_CLIENT_SECRET")?,
        keys,
        scope: ESIA_SCOPE.to_string(),
    })
}

/// One or more PEM public keys (key rotation: both old and new are accepted).
pub fn parse_keys(alg: &str, pems: &str) -> Result<Vec<VerifyingKey>, String> {
    let blocks: Vec<String> = pems
        .split("-----END PUBLIC KEY-----")
        .filter(|b| b.contains("-----BEGIN PUBLIC KEY-----"))
        .map(|b| format!("{}\n-----END PUBLIC KEY-----", b.trim()))
        .collect();
    if blocks.is_empty() {
        return Err("ESIA_PUBLIC_KEYS: не найден ни один ключ в формате PEM".into());
    }
    blocks
        .iter()
        .map(|pem| match alg {
            "ES256" => ES256PublicKey::from_pem(pem).map(VerifyingKey::Es256),
            "RS256" => RS256PublicKey::from_pem(pem).map(|k| VerifyingKey::Rs256(Box::new(k))),
            _ => Err(jwt_simple::Error::msg("unsupported")),
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| format!("ESIA_PUBLIC_KEYS: ключ не читается как {alg} (ESIA_ALG)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn development_falls_back_to_the_built_in_provider() {
        let c = Config::from_vars(&vars(&[("ENVIRONMENT", "development")])).unwrap();
        let oidc = c.oidc().unwrap();
        assert!(oidc.token_url.is_none());
        assert_eq!(oidc.issuer, "http://127.0.0.1:8787/dev/idp");
    }

    #[test]
    fn production_names_the_missing_setting() {
        let c = Config::from_vars(&vars(&[
            ("ENVIRONMENT", "production"),
            ("PUBLIC_URL", "https://edu.example.ru"),
        ]))
        .unwrap();
        assert_eq!(
            c.oidc().err().unwrap(),
            "не задан параметр ESIA_PUBLIC_KEYS"
        );
        let no_url = Config::from_vars(&vars(&[("ENVIRONMENT", "production")]));
        assert_eq!(no_url.err().unwrap(), "не задан параметр PUBLIC_URL");
        assert!(Config::from_vars(&vars(&[])).is_err());
    }

    #[test]
    fn production_reads_es256_keys() {
        let pem = ES256KeyPair::generate().public_key().to_pem().unwrap();
        let c = Config::from_vars(&vars(&[
            ("ENVIRONMENT", "production"),
            ("PUBLIC_URL", "https://edu.example.ru/"),
            ("ESIA_ALG", "ES256"),
            ("ESIA_PUBLIC_KEYS", &pem),
            ("ESIA_ISSUER", "https://esia.example/"),
            ("ESIA_AUTHORIZE_URL", "https://esia.example/authorize"),
            ("ESIA_TOKEN_URL", "https://esia.example/token"),
            ("ESIA_CLIENT_ID", "EDU"),
            ("ESIA_CLIENT_SECRET", "s"),
        ]))
        .unwrap();
        assert_eq!(c.public_url, "https://edu.example.ru");
        assert_eq!(c.oidc().unwrap().keys.len(), 1);
        assert!(parse_keys("ES256", "garbage").is_err());
    }
}
