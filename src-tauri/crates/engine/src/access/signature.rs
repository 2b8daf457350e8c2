//! Signed policies for managed installations: an admin signs the policy file with an
//! ed25519 key (`streamlens policy sign`), the installation pins the public key, and the
//! app refuses a policy whose signature is missing, wrong or made by another key. Keys and
//! signatures are stored as base64 text files: `policy.toml.sig` beside the policy.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

/// A new signing key, as (secret key text, public key text).
pub fn generate() -> Result<(String, String), String> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| format!("no randomness from the OS: {e}"))?;
    let key = SigningKey::from_bytes(&seed);
    Ok((STANDARD.encode(key.to_bytes()), STANDARD.encode(key.verifying_key().to_bytes())))
}

/// The signature of `content` with the secret key text, as base64.
pub fn sign(secret_key: &str, content: &[u8]) -> Result<String, String> {
    let bytes: [u8; 32] = decode32(secret_key, "secret key")?;
    Ok(STANDARD.encode(SigningKey::from_bytes(&bytes).sign(content).to_bytes()))
}

/// The public key text of a secret key text.
pub fn public_of(secret_key: &str) -> Result<String, String> {
    let bytes: [u8; 32] = decode32(secret_key, "secret key")?;
    Ok(STANDARD.encode(SigningKey::from_bytes(&bytes).verifying_key().to_bytes()))
}

/// Checks `signature` (base64) over `content` against the pinned public key text.
pub fn verify(public_key: &str, content: &[u8], signature: &str) -> Result<(), String> {
    let key_bytes = decode32(public_key, "pinned public key")?;
    let key = VerifyingKey::from_bytes(&key_bytes)
        .map_err(|e| format!("the pinned public key is not valid: {e}"))?;
    let raw =
        STANDARD.decode(signature.trim()).map_err(|_| "the signature file is not base64 text".to_string())?;
    let signature = Signature::from_slice(&raw)
        .map_err(|_| "the signature file does not hold an ed25519 signature".to_string())?;
    key.verify(content, &signature).map_err(|_| {
        "the signature does not match: the policy was edited after signing, or signed with another key"
            .to_string()
    })
}

/// A short, stable name for a public key (the first 16 base64 characters).
pub fn fingerprint(public_key: &str) -> String {
    public_key.trim().chars().take(16).collect()
}

fn decode32(text: &str, what: &str) -> Result<[u8; 32], String> {
    STANDARD
        .decode(text.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
        .ok_or_else(|| format!("the {what} is not 32 bytes of base64"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_policies_verify_and_anything_else_is_refused() {
        let (secret, public) = generate().unwrap_or_default();
        let (_, other_public) = generate().unwrap_or_default();
        assert_eq!(public_of(&secret).as_deref(), Ok(public.as_str()));
        let policy = b"version = 1\n";
        let signature = sign(&secret, policy).unwrap_or_default();
        assert_eq!(verify(&public, policy, &signature), Ok(()));
        let tampered = verify(&public, b"version = 1\n# edited\n", &signature).unwrap_err();
        assert!(tampered.contains("edited after signing"), "{tampered}");
        let wrong_key = verify(&other_public, policy, &signature).unwrap_err();
        assert!(wrong_key.contains("another key"), "{wrong_key}");
        assert!(verify(&public, policy, "not base64!").unwrap_err().contains("not base64"));
        assert!(verify("short", policy, &signature).unwrap_err().contains("pinned public key"));
    }
}
