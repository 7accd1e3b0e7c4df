package se.digikomp.lms.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.security.Principal;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.web.control.HeaderPolicy;

/**
 * Access to our own API ({@code /api/...}): who the caller is was decided by {@link LmsAuthenticationMechanism}
 * (session cookie, Basic or Bearer); here every endpoint needs a caller unless it is annotated {@link PermitAll},
 * and {@link RequiresRole} on the method or class narrows it to accounts holding one of the roles (403). A
 * cookie-authenticated state change must come from our own pages (Origin / Sec-Fetch-Site, {@link SameOrigin}).
 * The {@link Caller} is the request's {@link SecurityContext} principal.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAccessFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"Digikomp\", charset=\"UTF-8\"";
    /** Request attribute: the caller was authenticated by the session cookie (not by a header). */
    static final String COOKIE_AUTHENTICATED = ApiAccessFilter.class.getName() + ".cookie";
    /** The failure of authenticating an API request (the database away, say), answered by the exception mappers. */
    static final String AUTHENTICATION_FAILURE = ApiAccessFilter.class.getName() + ".failure";
    private static final String API_PREFIX = "api/";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    AuthenticationAttempt attempt;

    @Inject
    @ConfigProperty(name = "lms.web.trust-forwarded-proto", defaultValue = "false")
    boolean trustForwardedProto;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(API_PREFIX)) {
            return;
        }
        if (servletRequest.getAttribute(AUTHENTICATION_FAILURE) instanceof RuntimeException failure) {
            throw failure;
        }
        Caller caller = (Caller) servletRequest.getAttribute(CurrentCaller.ATTRIBUTE);
        if (caller != null) {
            if (servletRequest.getAttribute(COOKIE_AUTHENTICATED) != null
                    && !SAFE_METHODS.contains(request.getMethod()) && !fromOurPages()) {
                throw new ForbiddenException("A signed-in browser may change data only from Digikomp's own pages"
                        + " (the Origin or Sec-Fetch-Site header names another site). Scripts use Basic or a Bearer"
                        + " token.");
            }
            request.setSecurityContext(new CallerContext(caller, request.getSecurityContext().isSecure()));
        }
        if (annotation(PermitAll.class) != null) {
            return;
        }
        if (caller == null) {
            throw new NotAuthorizedException(reason(), CHALLENGE);
        }
        RequiresRole required = annotation(RequiresRole.class);
        if (required != null && Arrays.stream(required.value()).noneMatch(caller::has)) {
            throw new ForbiddenException("This needs one of the roles " + Arrays.toString(required.value()) + ".");
        }
    }

    private boolean fromOurPages() {
        String scheme = new HeaderPolicy("'self'", trustForwardedProto)
                .overTls(servletRequest.isSecure(), servletRequest.getHeader("X-Forwarded-Proto")) ? "https" : "http";
        return SameOrigin.isOurs(servletRequest.getHeader("Origin"), servletRequest.getHeader("Sec-Fetch-Site"),
                scheme, servletRequest.getHeader("Host"));
    }

    private String reason() {
        AuthenticationAttempt.Refusal refusal = attempt.refusal();
        if (refusal == null) {
            return "Sign in with the username and password of your account (HTTP Basic) or an API token (Bearer).";
        }
        return switch (refusal) {
            case WRONG_CREDENTIALS -> "Wrong username or password.";
            case THROTTLED -> "Too many failed sign-ins for this username: wait a while and try again.";
            case UNKNOWN_TOKEN -> "This API token is not known.";
            case EXPIRED_TOKEN -> "This API token has expired: create a new one on your profile page.";
            case REVOKED_TOKEN -> "This API token has been revoked.";
            case SESSION_EXPIRED -> "Your session has expired: sign in again.";
        };
    }

    private <A extends java.lang.annotation.Annotation> A annotation(Class<A> type) {
        for (AnnotatedElement element : new AnnotatedElement[] {resource.getResourceMethod(),
                resource.getResourceClass()}) {
            if (element != null && element.getAnnotation(type) != null) {
                return element.getAnnotation(type);
            }
        }
        return null;
    }

    private record CallerContext(Caller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.roles().stream().anyMatch(r -> r.name().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
