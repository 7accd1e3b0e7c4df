package se.digikomp.lms.security;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a browser request comes from one of our own pages (CSRF defence for cookie-authenticated API calls and
 * the sign-out form): the {@code Origin} header names our scheme, host and port, or, when a browser sends no
 * Origin, {@code Sec-Fetch-Site} says {@code same-origin}. A request that carries neither is not trusted.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    /**
     * @param origin        the request's Origin header, or null
     * @param secFetchSite  its Sec-Fetch-Site header, or null
     * @param scheme        the scheme the request reached us with (https when a trusted proxy says so)
     * @param host          the request's Host header (host and port as the browser addressed us)
     */
    public static boolean isOurs(String origin, String secFetchSite, String scheme, String host) {
        if (origin != null && !origin.isBlank()) {
            if (origin.equals("null") || host == null) {
                return false;
            }
            try {
                URI uri = URI.create(origin.trim());
                String expected = scheme.toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT);
                String actual = uri.getScheme() + "://" + uri.getRawAuthority();
                return actual.toLowerCase(Locale.ROOT).equals(expected)
                        || actual.toLowerCase(Locale.ROOT).equals(withoutDefaultPort(expected));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return secFetchSite != null && secFetchSite.trim().equalsIgnoreCase("same-origin");
    }

    private static String withoutDefaultPort(String origin) {
        return origin.endsWith(":443") && origin.startsWith("https://") ? origin.substring(0, origin.length() - 4)
                : origin.endsWith(":80") && origin.startsWith("http://") ? origin.substring(0, origin.length() - 3)
                : origin;
    }
}
