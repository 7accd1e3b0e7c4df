package se.digikomp.lms.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.web.control.HeaderPolicy;

/**
 * Security headers on every response ({@link HeaderPolicy}), and {@code Cache-Control: no-store} on everything
 * but static resources and the LRS: pages and API answers may show what only the signed-in person may see.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    /** Where Faces serves CSS and images (see web.xml): cacheable, the same for everyone. */
    static final String RESOURCES = "/faces/jakarta.faces.resource/";

    @Inject
    @ConfigProperty(name = "lms.web.frame-ancestors", defaultValue = "'self'")
    String frameAncestors;

    @Inject
    @ConfigProperty(name = "lms.web.trust-forwarded-proto", defaultValue = "false")
    boolean trustForwardedProto;

    private HeaderPolicy policy;

    @Override
    public void init() {
        policy = new HeaderPolicy(frameAncestors, trustForwardedProto);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        policy.headers(request.isSecure(), request.getHeader("X-Forwarded-Proto")).forEach(response::setHeader);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(RESOURCES) && !path.startsWith("/xapi/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
