package se.digikomp.lms.oidc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.KeycloakLogin;
import se.digikomp.lms.testing.KeycloakServer;
import se.digikomp.lms.testing.LmsServer;

/**
 * OpenID Connect sign-in end to end: the real server (LmsServer) and the test's Keycloak, the demo
 * organisation configured through the administrator's API, a person signing in at Keycloak's form.
 */
@ExtendWith({KeycloakServer.class, LmsServer.class})
class OidcSignInIT {

    private final LmsServer.Instance server = LmsServer.shared();

    /** A browser: its own cookie for the LMS session, no redirects followed. */
    final class Browser {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private String session;
        /** Every cookie the LMS set, by name, as a browser keeps them (the session's and any other). */
        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.values()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                cookies.put(pair.substring(0, Math.max(pair.indexOf('='), 0)), pair);
                if (pair.startsWith("JSESSIONID=")) {
                    session = pair;
                }
            }
            return response;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return get(server.uri(path));
        }

        /** Starts the sign-in at the LMS: where it sends the browser (Keycloak's authentication request). */
        URI start(String returnTo) throws IOException, InterruptedException {
            HttpResponse<String> response = get("/login/oidc/demo"
                    + (returnTo == null ? "" : "?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)));
            assertEquals(303, response.statusCode(), response.body());
            URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertTrue(location.toString().startsWith(KeycloakServer.shared().issuer("digikomp")), location.toString());
            return location;
        }
    }

    @BeforeEach
    void configureTheDemoOrganisation() throws Exception {
        HttpResponse<String> put = putSettings(settings(KeycloakServer.shared().issuer("digikomp"), "email", "email"));
        assertEquals(200, put.statusCode(), put.body());
    }

    private HttpResponse<String> putSettings(String json) throws IOException {
        return OidcSettingsIT.putSettings(server, json);
    }

    private static String settings(String issuer, String claim, String matchOn) {
        return OidcSettingsIT.settings(issuer, claim, matchOn);
    }

    @Test
    void aKeycloakUserWhoIsADemoPersonLandsSignedIn() throws Exception {
        Browser browser = new Browser();
        URI authorization = browser.start("/api/accounts/me");
        String before = browser.session;

        URI callback = new KeycloakLogin().signIn(authorization, KeycloakServer.ALVA);
        assertTrue(callback.toString().startsWith(server.uri("/login/oidc/callback").toString()), callback.toString());
        HttpResponse<String> landed = browser.get(callback);

        assertEquals(303, landed.statusCode(), landed.body());
        assertEquals("/api/accounts/me", landed.headers().firstValue("Location").orElseThrow());
        assertNotEquals(before, browser.session, "a new session id at sign-in");
        HttpResponse<String> me = browser.get("/api/accounts/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"learner\""), me.body());
    }

    @Test
    void matchesByEmployeeNumberWhenConfiguredSo() throws Exception {
        assertEquals(200, putSettings(settings(KeycloakServer.shared().issuer("digikomp"), "employee_number",
                "employee_number")).statusCode());
        try (var connection = se.digikomp.lms.testing.TestDatabase.shared().connect(server.schema());
             var update = connection.prepareStatement("UPDATE person p JOIN account a ON a.person_id = p.id"
                     + " SET p.external_id = 'E-1001' WHERE a.username = 'learner'")) {
            update.executeUpdate();
        }
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.get(new KeycloakLogin().signIn(browser.start(null), KeycloakServer.ALVA));
        assertEquals(303, landed.statusCode(), landed.body());
        assertEquals("/", landed.headers().firstValue("Location").orElseThrow());
        assertTrue(browser.get("/api/accounts/me").body().contains("\"username\":\"learner\""));
    }

    @Test
    void aKeycloakUserUnknownToDigikompIsRefusedClearly() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> refused = browser.get(new KeycloakLogin().signIn(browser.start("/api/accounts/me"),
                KeycloakServer.STRANGER));

        assertEquals(403, refused.statusCode(), refused.body());
        assertRefusal(refused, "no-account");
        assertEquals(401, browser.get("/api/accounts/me").statusCode());
    }

    @Test
    void aTamperedStateIsRefused() throws Exception {
        Browser browser = new Browser();
        URI callback = new KeycloakLogin().signIn(browser.start(null), KeycloakServer.ALVA);
        String state = query(callback, "state").orElseThrow();

        HttpResponse<String> tampered = browser.get(URI.create(callback.toString().replace("state=" + state,
                "state=" + state + "x")));
        assertEquals(400, tampered.statusCode(), tampered.body());
        assertRefusal(tampered, "bad-state");

        HttpResponse<String> otherBrowser = new Browser().get(callback);
        assertEquals(400, otherBrowser.statusCode(), "the answer is bound to the session that started it");
        assertEquals(401, browser.get("/api/accounts/me").statusCode());
    }

    @Test
    void anAnswerNamingAnotherIssuerIsRefused() throws Exception {
        Browser browser = new Browser();
        URI callback = new KeycloakLogin().signIn(browser.start(null), KeycloakServer.ALVA);
        String iss = query(callback, "iss").orElseThrow(() -> new AssertionError("Keycloak sends iss (RFC 9207)"));
        URI forged = URI.create(callback.toString().replace("iss=" + iss, "iss="
                + URLEncoder.encode(KeycloakServer.shared().issuer("other"), StandardCharsets.UTF_8)));

        HttpResponse<String> refused = browser.get(forged);
        assertEquals(403, refused.statusCode(), refused.body());
        assertRefusal(refused, "unknown-issuer");
        assertEquals(401, browser.get("/api/accounts/me").statusCode());
    }

    @Test
    void anErrorFromTheProviderIsShown() throws Exception {
        Browser browser = new Browser();
        URI authorization = browser.start(null);
        String state = query(authorization, "state").orElseThrow();

        HttpResponse<String> refused = browser.get("/login/oidc/callback?error=access_denied&state=" + state);
        assertEquals(403, refused.statusCode(), refused.body());
        assertRefusal(refused, "provider-error");
    }

    @Test
    void anOrganisationWithoutOidcAndAForeignReturnToGoNowhereElse() throws Exception {
        assertEquals(404, new Browser().get("/login/oidc/no-such-organisation").statusCode());

        Browser browser = new Browser();
        HttpResponse<String> landed = browser.get(new KeycloakLogin().signIn(browser.start("//evil.example/x"),
                KeycloakServer.ALVA));
        assertEquals("/", landed.headers().firstValue("Location").orElseThrow());
    }

    /** The refusal page names its reason (the page's text comes from the message bundles). */
    private static void assertRefusal(HttpResponse<String> response, String code) {
        assertTrue(response.body().contains("data-refusal=\"" + code + "\""), code + " in " + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    private static Optional<String> query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
