package se.digikomp.lms.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why this request's credentials were refused, for the answer (a 401's detail, the sign-in page's message). Never
 * says whether a username exists.
 */
@RequestScoped
public class AuthenticationAttempt {

    /** The reasons a refusal can give. */
    public enum Refusal {
        /** wrong username or password (or an account that is not active) */
        WRONG_CREDENTIALS,
        /** too many failures: wait, or the username is locked for a while */
        THROTTLED,
        /** an API token that does not exist */
        UNKNOWN_TOKEN,
        EXPIRED_TOKEN,
        REVOKED_TOKEN,
        /** a signed-in session idle for longer than lms.web.session-timeout */
        SESSION_EXPIRED
    }

    private Refusal refusal;

    public void refuse(Refusal reason) {
        this.refusal = reason;
    }

    public Refusal refusal() {
        return refusal;
    }
}
