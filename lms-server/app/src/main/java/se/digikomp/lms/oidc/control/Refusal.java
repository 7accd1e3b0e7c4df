package se.digikomp.lms.oidc.control;

/**
 * Why an OpenID Connect sign-in was refused. Each reason has a page text under {@code oidc.refused.<code>} in
 * the message bundles and is what the audit log records (never the claim's value).
 */
public enum Refusal {
    /** no sign-in of this browser session waits for the {@code state} that came back (tampered, replayed, expired) */
    BAD_STATE("bad-state", 400),
    /** the organisation has no enabled OIDC sign-in */
    NOT_CONFIGURED("not-configured", 404),
    /** the provider's discovery, token or key endpoint did not answer usably */
    PROVIDER_UNAVAILABLE("provider-unavailable", 502),
    /** the provider answered the sign-in with an error (the user cancelled, access denied, ...) */
    PROVIDER_ERROR("provider-error", 403),
    /** the response or ID token names an issuer other than the organisation's configured one */
    UNKNOWN_ISSUER("unknown-issuer", 403),
    /** the ID token's signature, audience, expiry or nonce is wrong */
    INVALID_TOKEN("invalid-token", 403),
    /** the ID token lacks the configured claim, or an e-mail claim the provider has not verified */
    CLAIM_MISSING("claim-missing", 403),
    /** no person of the organisation matches the identity */
    NO_ACCOUNT("no-account", 403),
    /** the matching person's account is deactivated */
    INACTIVE("inactive", 403);

    private final String code;
    private final int status;

    Refusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The exception that carries a refusal to the page; {@code detail} is for the log and the page, no personal data. */
    public static final class Refused extends Exception {
        private final Refusal reason;

        public Refused(Refusal reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Refused(Refusal reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }
}
