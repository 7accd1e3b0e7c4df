package se.digikomp.lms.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at Keycloak's sign-in form, as a browser without JavaScript would be: opens the authentication
 * request, fills in username and password, submits the form, and hands back where Keycloak redirects to (the
 * relying party's callback with {@code code} and {@code state}) without following it. Keeps Keycloak's cookies.
 */
public final class KeycloakLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /** Keycloak's cookies by name. Kept by hand: Keycloak marks them Secure, which java.net.CookieManager then
     * withholds over the loopback's plain http (a browser treats loopback as secure). */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Signs in at the authentication request {@code authorization}; the redirect back to the relying party. */
    public URI signIn(URI authorization, KeycloakServer.User user) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(withCookies(HttpRequest.newBuilder(authorization))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(page);
        if (page.statusCode() != 200) {
            throw new AssertionError("Keycloak answered the authentication request with " + page.statusCode() + ": "
                    + page.headers().firstValue("Location").orElse(page.body()));
        }
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new AssertionError("no sign-in form on Keycloak's page:\n" + page.body());
        }
        URI post = authorization.resolve(action.group(1).replace("&amp;", "&"));
        String form = "username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user.password(), StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> answer = http.send(withCookies(HttpRequest.newBuilder(post)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").isEmpty()) {
            throw new AssertionError("Keycloak did not redirect after the sign-in form (" + answer.statusCode()
                    + "):\n" + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").get());
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
    }

    /** An ID token for {@code user} straight from the token endpoint (resource owner password grant), for tests only. */
    public static String idTokenByPassword(String issuer, KeycloakServer.User user) throws IOException,
            InterruptedException {
        String form = "grant_type=password&scope=openid%20email&client_id=" + KeycloakServer.CLIENT_ID
                + "&client_secret=" + KeycloakServer.CLIENT_SECRET
                + "&username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user.password(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new AssertionError("no ID token from " + issuer + " (" + answer.statusCode() + "): " + answer.body());
        }
        return token.group(1);
    }
}
