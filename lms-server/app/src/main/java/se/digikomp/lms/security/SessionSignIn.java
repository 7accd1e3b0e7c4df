package se.digikomp.lms.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs a person in and out of a browser session; every way of signing in (the password form, OpenID Connect)
 * ends here. {@link #signIn} gives the session a new id (no session fixation), records the sign-in (a random key
 * in the session, its hash in {@code sign_in_session}), applies the idle timeout {@code lms.web.session-timeout},
 * and fires {@link AuditAction#SIGN_IN}; {@link LmsAuthenticationMechanism} then treats this request and every
 * later one of the session as that account, until sign-out or the timeout.
 */
@ApplicationScoped
public class SessionSignIn {

    /** The session attribute holding the sign-in key (a String: the session stays small and serializable). */
    public static final String ATTRIBUTE = SessionSignIn.class.getName();

    @Inject
    SignInSessions sessions;

    @Inject
    Authenticator authenticator;

    @Inject
    AuditTrail audit;

    @Inject
    AccountLanguages languages;

    @Inject
    @ConfigProperty(name = "lms.web.session-timeout", defaultValue = "1800")
    long timeoutSeconds;

    /**
     * @param accountId an account the caller has proven to own (password checked, identity provider trusted)
     * @throws IllegalArgumentException when the account does not exist or is not active
     */
    public void signIn(HttpServletRequest request, long accountId) {
        Caller caller = authenticator.caller(accountId)
                .orElseThrow(() -> new IllegalArgumentException("no active account " + accountId));
        HttpSession session = request.getSession(true);
        String previous = (String) session.getAttribute(ATTRIBUTE);
        if (previous != null) {
            sessions.delete(previous);
        }
        request.changeSessionId();
        String key = Tokens.random("");
        sessions.create(key, accountId, timeout());
        session.setAttribute(ATTRIBUTE, key);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, timeoutSeconds));
        languages.of(accountId).ifPresent(l -> session.setAttribute(AccountLanguages.SESSION_ATTRIBUTE, l));
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller);
        audit.record(AuditAction.SIGN_IN, caller.organisationId(), caller.accountId(), request, null);
    }

    /** Ends the sign-in of this request's session (if any) and the session itself. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        String key = (String) session.getAttribute(ATTRIBUTE);
        if (key != null) {
            sessions.delete(key);
            Object caller = request.getAttribute(CurrentCaller.ATTRIBUTE);
            if (caller instanceof Caller signedIn) {
                audit.record(AuditAction.SIGN_OUT, signedIn.organisationId(), signedIn.accountId(), request, null);
            }
        }
        request.removeAttribute(CurrentCaller.ATTRIBUTE);
        session.invalidate();
    }

    Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }
}
