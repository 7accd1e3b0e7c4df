package se.digikomp.lms.web.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers of every response. Scripts and styles only from our own origin (no inline script, no
 * inline style), frames of our pages only in the configured {@code frame-ancestors}, HSTS only when the request
 * reached us over TLS (directly, or through a proxy that says so and that we were told to trust).
 */
public final class HeaderPolicy {

    static final String HSTS = "max-age=31536000";

    private final String frameAncestors;
    private final boolean trustForwardedProto;

    public HeaderPolicy(String frameAncestors, boolean trustForwardedProto) {
        this.frameAncestors = frameAncestors == null || frameAncestors.isBlank() ? "'self'" : frameAncestors.trim();
        if (this.frameAncestors.contains(";") || this.frameAncestors.contains(",")
                || this.frameAncestors.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("lms.web.frame-ancestors must be a space-separated CSP source list,"
                    + " for example 'self' https://lms.example.org");
        }
        this.trustForwardedProto = trustForwardedProto;
    }

    public String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
                + " frame-ancestors " + frameAncestors;
    }

    /** Whether the request came over TLS, as the container saw it or as a trusted proxy's X-Forwarded-Proto says. */
    public boolean overTls(boolean secure, String forwardedProto) {
        return secure || (trustForwardedProto && forwardedProto != null
                && forwardedProto.split(",")[0].trim().equalsIgnoreCase("https"));
    }

    /** The headers for one response, in the order they are set. */
    public Map<String, String> headers(boolean secure, String forwardedProto) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy());
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "same-origin");
        if (overTls(secure, forwardedProto)) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }
}
