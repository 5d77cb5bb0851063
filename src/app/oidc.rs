//! OpenID Connect pieces that are pure: the authorization URL with state,
//! nonce and PKCE (S256), and the verification of an id_token (signature
//! against the configured keys, iss, aud, exp/nbf, nonce).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use ct_codecs::{Base64UrlSafeNoPadding, Encoder};
use jwt_simple::prelude::*;

use crate::config::{OidcSettings, VerifyingKey};

/// Personal data claims, named as ESIA's OpenID Connect profile passes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonClaims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snils: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
}

/// A verified id_token: the subject (ESIA OID) and the person's data.
#[derive(Debug, Clone)]
pub struct VerifiedIdentity {
    pub subject: String,
    pub person: PersonClaims,
}

/// S256 code challenge of a PKCE verifier (RFC 7636).
pub fn pkce_challenge(verifier: &str) -> String {
    let digest = hmac_sha256::Hash::hash(verifier.as_bytes());
    Base64UrlSafeNoPadding::encode_to_string(digest).unwrap_or_default()
}

pub fn authorize_url(
    settings: &OidcSettings,
    redirect_uri: &str,
    state: &str,
    nonce: &str,
    code_challenge: &str,
) -> String {
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("response_type", "code")
        .append_pair("client_id", &settings.client_id)
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("scope", &settings.scope)
        .append_pair("state", state)
        .append_pair("nonce", nonce)
        .append_pair("code_challenge", code_challenge)
        .append_pair("code_challenge_method", "S256")
        .finish();
    let sep = if settings.authorize_url.contains('?') {
        '&'
    } else {
        '?'
    };
    format!("{}{sep}{query}", settings.authorize_url)
}

/// Why an id_token was refused (for the log; the user sees one message).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("signature, issuer, audience, time or nonce check failed: {0}")]
    Invalid(String),
    #[error("token has no subject")]
    NoSubject,
    #[error("token has no expiry")]
    NoExpiry,
}

/// Verifies the id_token; `now` comes from the app's clock so that expiry is testable.
pub fn verify_id_token(
    settings: &OidcSettings,
    token: &str,
    expected_nonce: &str,
    now: DateTime<Utc>,
) -> Result<VerifiedIdentity, TokenError> {
    let options = VerificationOptions {
        allowed_issuers: Some(HashSet::from([settings.issuer.clone()])),
        allowed_audiences: Some(HashSet::from([settings.client_id.clone()])),
        required_nonce: Some(expected_nonce.to_string()),
        // Clocks of the provider and of the edge differ by seconds, not minutes.
        time_tolerance: Some(Duration::from_secs(60)),
        artificial_time: Some(UnixTimeStamp::from_secs(now.timestamp().max(0) as u64)),
        max_token_length: Some(16 * 1024),
        ..Default::default()
    };
    let mut last_error = String::from("no keys configured");
    for key in &settings.keys {
        let result = match key {
            VerifyingKey::Es256(k) => k.verify_token::<PersonClaims>(token, Some(options.clone())),
            VerifyingKey::Rs256(k) => k.verify_token::<PersonClaims>(token, Some(options.clone())),
        };
        match result {
            Ok(claims) => {
                if claims.expires_at.is_none() {
                    return Err(TokenError::NoExpiry);
                }
                let subject = claims
                    .subject
                    .filter(|s| !s.is_empty())
                    .ok_or(TokenError::NoSubject)?;
                return Ok(VerifiedIdentity {
                    subject,
                    person: claims.custom,
                });
            }
            Err(e) => last_error = e.to_string(),
        }
    }
    Err(TokenError::Invalid(last_error))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_matches_rfc7636_example() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
