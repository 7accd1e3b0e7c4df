package se.digikomp.lms.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic for our own API ({@code /api/...}; the LRS at {@code /xapi} authenticates its clients itself).
 * Every API endpoint needs an account unless it is annotated {@link PermitAll}; {@link RequiresRole} on the
 * method or class narrows it to accounts holding one of the roles. The authenticated {@link Caller} is the
 * request's {@link SecurityContext} principal.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BasicAuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"Digikomp\", charset=\"UTF-8\"";
    private static final String API_PREFIX = "api/";

    @Inject
    Authenticator authenticator;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith(API_PREFIX)) {
            return;
        }
        Optional<Caller> caller = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(c -> authenticator.authenticate(c[0], c[1]));
        if (caller.isPresent()) {
            request.setSecurityContext(new CallerContext(caller.get(), request.getSecurityContext().isSecure()));
        }
        if (annotation(PermitAll.class) != null) {
            return;
        }
        if (caller.isEmpty()) {
            throw new NotAuthorizedException("Sign in with the username and password of your account (HTTP Basic).",
                    CHALLENGE);
        }
        RequiresRole required = annotation(RequiresRole.class);
        if (required != null && Arrays.stream(required.value()).noneMatch(caller.get()::has)) {
            throw new ForbiddenException("This needs one of the roles " + Arrays.toString(required.value()) + ".");
        }
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

    /** {@code [username, password]} from an {@code Authorization: Basic} header (RFC 7617), if well formed. */
    static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
