package se.digikomp.lms.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The one way requests are authenticated (Jakarta Security), for pages and {@code /api} alike:
 * <ul>
 * <li>a signed-in browser session ({@link SessionSignIn});</li>
 * <li>on {@code /api}: {@code Authorization: Basic} with an account's username and password, or
 *     {@code Authorization: Bearer} with an API token ({@link ApiTokens}).</li>
 * </ul>
 * The authenticated {@link Caller} becomes the request attribute {@link CurrentCaller#ATTRIBUTE} (and the
 * container's principal). A page outside {@link #PUBLIC_PAGES} sends a visitor who is not signed in to
 * {@code /login?next=...}; the API's own filter ({@link ApiAccessFilter}) answers 401/403 there. {@code /xapi}
 * authenticates its LRS clients itself and is left alone.
 */
@ApplicationScoped
public class LmsAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Pages anyone may see. Every other page needs a signed-in person (docs/pages.md). */
    static final Set<String> PUBLIC_PAGES = Set.of("/", "/index", "/login", "/accessibility", "/expired", "/error",
            "/oidc/refused");
    /**
     * Not pages: the API (its filter decides), Faces resources, the LRS, MicroProfile Health and OpenAPI, and the
     * OpenID Connect sign-in (OidcLoginServlet), which is how a visitor signs in.
     */
    private static final String[] NOT_PAGES = {"/api/", "/faces/jakarta.faces.resource/", "/xapi/", "/xapi",
            "/health", "/openapi", "/logout", "/login/oidc/"};

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SignInSessions sessions;

    @Inject
    SessionSignIn signIn;

    @Inject
    Authenticator authenticator;

    @Inject
    AuthenticationAttempt attempt;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/xapi/") || path.equals("/xapi")) {
            return context.doNothing();
        }
        Optional<Caller> caller;
        try {
            caller = fromSession(request);
            if (caller.isEmpty() && path.startsWith("/api/")) {
                caller = fromHeader(request.getHeader("Authorization"));
            }
        } catch (RuntimeException failure) {
            if (!path.startsWith("/api/")) {
                throw failure;
            }
            // the API answers it as problem details (503 when the database is away) through its exception mappers
            request.setAttribute(ApiAccessFilter.AUTHENTICATION_FAILURE, failure);
            return context.doNothing();
        }
        if (caller.isPresent()) {
            request.setAttribute(CurrentCaller.ATTRIBUTE, caller.get());
            return context.notifyContainerAboutLogin(AccountIdentityStore.result(caller.get()));
        }
        if (isProtectedPage(path)) {
            String query = request.getQueryString();
            String next = URLEncoder.encode(path + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
            String expired = attempt.refusal() == AuthenticationAttempt.Refusal.SESSION_EXPIRED ? "&expired" : "";
            return context.redirect(request.getContextPath() + "/login?next=" + next + expired);
        }
        return context.doNothing();
    }

    static boolean isProtectedPage(String path) {
        if (PUBLIC_PAGES.contains(path) || path.isEmpty()) {
            return false;
        }
        for (String prefix : NOT_PAGES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    private Optional<Caller> fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String key = session == null ? null : (String) session.getAttribute(SessionSignIn.ATTRIBUTE);
        if (key == null) {
            return Optional.empty();
        }
        SignInSessions.Lookup lookup = sessions.find(key, signIn.timeout());
        Optional<Caller> caller = lookup.expired() ? Optional.empty() : authenticator.caller(lookup.accountId());
        if (caller.isEmpty()) {
            session.removeAttribute(SessionSignIn.ATTRIBUTE);
            attempt.refuse(AuthenticationAttempt.Refusal.SESSION_EXPIRED);
        } else {
            request.setAttribute(ApiAccessFilter.COOKIE_AUTHENTICATED, Boolean.TRUE);
        }
        return caller;
    }

    private Optional<Caller> fromHeader(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (token.isEmpty()) {
                attempt.refuse(AuthenticationAttempt.Refusal.UNKNOWN_TOKEN);
                return Optional.empty();
            }
            return AccountIdentityStore.caller(identityStores.validate(new ApiTokenCredential(token)));
        }
        Optional<String[]> basic = BasicCredentials.parse(authorization);
        if (basic.isEmpty()) {
            attempt.refuse(AuthenticationAttempt.Refusal.WRONG_CREDENTIALS);
            return Optional.empty();
        }
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(basic.get()[0], basic.get()[1]));
        return AccountIdentityStore.caller(result);
    }
}
