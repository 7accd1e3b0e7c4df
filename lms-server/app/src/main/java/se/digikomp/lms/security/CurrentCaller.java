package se.digikomp.lms.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The signed-in {@link Caller} of the current request, for backing beans and pages ({@code #{currentCaller...}}).
 * {@link LmsAuthenticationMechanism} puts it on the request; JAX-RS resources keep using
 * {@code (Caller) securityContext.getUserPrincipal()}.
 */
@Named
@RequestScoped
public class CurrentCaller {

    /** The request attribute holding the authenticated {@link Caller}. */
    public static final String ATTRIBUTE = Caller.class.getName();

    @Inject
    HttpServletRequest request;

    /** The caller, or empty for a visitor who has not signed in. */
    public Optional<Caller> get() {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }

    /** The caller of a page that is only reached signed in (the mechanism has already sent others to /login). */
    public Caller require() {
        return get().orElseThrow(() -> new IllegalStateException("This page is only reached signed in"));
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }

    public boolean has(Role role) {
        return get().map(c -> c.has(role)).orElse(false);
    }
}
