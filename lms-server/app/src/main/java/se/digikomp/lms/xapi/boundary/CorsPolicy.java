package se.digikomp.lms.xapi.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CORS headers of every xAPI answer (Fetch standard, "CORS protocol"). Content in a browser sends its
 * credential in the Authorization header, which needs no credentials mode, so Access-Control-Allow-Credentials is
 * never sent: a page of another origin must never ride on the browser's cookies or remembered Basic credentials.
 * With origins "*" (lms.xapi.cors-origins, the default) every origin may call; with a comma-separated list only
 * those origins are named, and a page of any other origin cannot read the answer.
 */
record CorsPolicy(String origins) {

    Map<String, String> headers(String origin) {
        Map<String, String> h = new LinkedHashMap<>();
        if (origins.trim().equals("*")) {
            h.put("Access-Control-Allow-Origin", "*");
        } else {
            h.put("Vary", "Origin");
            if (origin == null || !allowed(origin)) {
                return h;
            }
            h.put("Access-Control-Allow-Origin", origin);
        }
        h.put("Access-Control-Allow-Methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
        h.put("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version,"
                + " If-Match, If-None-Match, Accept-Language");
        h.put("Access-Control-Expose-Headers", "ETag, Last-Modified, X-Experience-API-Version,"
                + " X-Experience-API-Consistent-Through");
        h.put("Access-Control-Max-Age", "86400");
        return h;
    }

    /** Origins compare as browsers serialise them (scheme://host[:port]), ignoring case and a trailing slash. */
    private boolean allowed(String origin) {
        for (String listed : origins.split(",")) {
            String a = listed.trim();
            if (a.endsWith("/")) {
                a = a.substring(0, a.length() - 1);
            }
            if (!a.isEmpty() && a.equalsIgnoreCase(origin.trim())) {
                return true;
            }
        }
        return false;
    }
}
