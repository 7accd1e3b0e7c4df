package se.digikomp.lms.security;

import jakarta.security.enterprise.credential.Credential;

/** An {@code Authorization: Bearer} API token, for {@link AccountIdentityStore}. */
public record ApiTokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "ApiTokenCredential[token hidden]";
    }
}
