package se.digikomp.lms.xapi.boundary;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import se.digikomp.lms.xapi.control.XapiException;

/**
 * One xAPI request as the handlers see it: method, resource path, parameters, headers and body. The alternate
 * request syntax of xAPI 1.0.3 (Communication 1.3: POST ?method=X with the headers, parameters and content as form
 * fields) is unwrapped here, so handlers never know it was used.
 */
public record XapiRequest(String method, String resource, Map<String, String> params, Map<String, String> headers,
        byte[] body, boolean alternateSyntax) {

    /** Form fields of the alternate syntax that are headers (1.0.3 Communication 1.3.s3.b7). */
    private static final Set<String> HEADER_FIELDS = Set.of("authorization", "x-experience-api-version",
            "content-type", "content-length", "if-match", "if-none-match");

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public String contentType() {
        String ct = header("content-type");
        return ct == null ? "" : ct;
    }

    /** The media type without parameters, lower case. */
    public String mediaType() {
        return contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Parses a query string; a parameter given twice is a 400 (its meaning would be ambiguous). */
    public static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw XapiException.badRequest("the query string is not properly percent-encoded");
            }
            if (params.put(name, value) != null) {
                throw XapiException.badRequest("parameter '" + name + "' is given more than once");
            }
        }
        return params;
    }

    /**
     * Unwraps the alternate request syntax (1.0.3 Communication 1.3): only POST may use it, the query string holds
     * nothing but "method", the body is a form whose "content" is the request body.
     */
    public static XapiRequest of(String httpMethod, String resource, String query, Map<String, String> headers,
            byte[] body) {
        Map<String, String> params = parseQuery(query);
        if (!params.containsKey("method")) {
            return new XapiRequest(httpMethod, resource, params, headers, body, false);
        }
        if (!"POST".equals(httpMethod)) {
            throw XapiException.badRequest("the alternate request syntax (?method=) must be sent as POST");
        }
        if (params.size() > 1) {
            throw XapiException.badRequest("with the alternate request syntax, every parameter other than 'method'"
                    + " must be a form field, found '" + params.keySet().stream().filter(k -> !k.equals("method"))
                            .findFirst().orElse("") + "' in the query string");
        }
        String method = params.get("method").toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "PUT", "POST", "DELETE", "HEAD").contains(method)) {
            throw XapiException.badRequest("method: '" + params.get("method") + "' is not an HTTP method of xAPI");
        }
        String ct = headers.getOrDefault("content-type", "").split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!ct.equals("application/x-www-form-urlencoded")) {
            throw XapiException.badRequest("the alternate request syntax needs Content-Type"
                    + " application/x-www-form-urlencoded");
        }
        Map<String, String> form = parseQuery(new String(body, StandardCharsets.UTF_8));
        Map<String, String> newHeaders = new TreeMap<>(headers);
        newHeaders.remove("content-type");
        newHeaders.remove("content-length");
        Map<String, String> newParams = new LinkedHashMap<>();
        byte[] content = new byte[0];
        for (Map.Entry<String, String> e : form.entrySet()) {
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            if (HEADER_FIELDS.contains(lower)) {
                newHeaders.put(lower, e.getValue());
            } else if (e.getKey().equals("content")) {
                content = e.getValue().getBytes(StandardCharsets.UTF_8);
            } else {
                newParams.put(e.getKey(), e.getValue());
            }
        }
        if ((method.equals("PUT") || method.equals("POST")) && content.length == 0) {
            throw XapiException.badRequest("content: the alternate request syntax needs the body in the form field"
                    + " 'content'");
        }
        if (content.length > 0 && !newHeaders.containsKey("content-type")) {
            newHeaders.put("content-type", "application/json");
        }
        return new XapiRequest(method, resource, newParams, newHeaders, content, true);
    }
}
