package se.digikomp.lms.oidc.control;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in sent to the identity provider and not yet back: what the callback must check it against. Kept in
 * the browser's session (small and Serializable), keyed by {@code state}; the PKCE verifier and the nonce never
 * leave the server.
 */
public record PendingSignIn(long organisationId, String state, String nonce, String codeVerifier,
                            String redirectUri, String returnTo, Instant started) implements Serializable {

    /** How long the person may spend at the identity provider. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    public boolean expired(Instant now) {
        return now.isAfter(started.plus(LIFETIME));
    }
}
