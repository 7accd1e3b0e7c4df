package se.digikomp.lms.oidc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.KeycloakServer;
import se.digikomp.lms.testing.LmsServer;

/** The administrator's API for the organisation's OpenID Connect sign-in, on the real server and Keycloak. */
@ExtendWith({KeycloakServer.class, LmsServer.class})
class OidcSettingsIT {

    static final String ADMIN = LmsServer.basicAuth("admin", "demo-admin");
    /** Set for the server process by failsafe (lms-server/app/pom.xml): the demo organisation's one variable. */
    static final String SECRET_ENV = "OIDC_SECRET_DEMO";

    private final LmsServer.Instance server = LmsServer.shared();

    static HttpResponse<String> putSettings(LmsServer.Instance server, String json) throws IOException {
        return server.send(server.request("/api/organisations/current/oidc").header("Authorization", ADMIN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String settings(String issuer, String claim, String matchOn) {
        return "{\"enabled\":true,\"displayName\":\"Demokommunens Keycloak\",\"issuer\":\"" + issuer + "\","
                + "\"clientId\":\"" + KeycloakServer.CLIENT_ID + "\",\"clientSecretEnv\":\"" + SECRET_ENV + "\","
                + "\"claim\":\"" + claim + "\",\"matchOn\":\"" + matchOn + "\"}";
    }

    private HttpResponse<String> putSettings(String json) throws IOException {
        return putSettings(server, json);
    }

    @Test
    void theSettingsApiValidatesAndNeverShowsTheSecret() throws Exception {
        HttpResponse<String> put = putSettings(settings(KeycloakServer.shared().issuer("digikomp"), "email", "email"));
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<String> get = server.send(server.request("/api/organisations/current/oidc")
                .header("Authorization", ADMIN).build());
        assertEquals(200, get.statusCode(), get.body());
        assertTrue(get.body().contains("\"clientSecretEnv\":\"" + SECRET_ENV + "\""), get.body());
        assertTrue(get.body().contains("\"redirectUri\":\"" + server.uri("/login/oidc/callback") + "\""), get.body());
        assertFalse(get.body().contains(KeycloakServer.CLIENT_SECRET), get.body());

        HttpResponse<String> invalid = putSettings("{\"enabled\":true,\"issuer\":\"http://idp.example\","
                + "\"clientSecretEnv\":\"LMS_DB_PASSWORD\",\"matchOn\":\"username\"}");
        assertEquals(400, invalid.statusCode(), invalid.body());
        assertEquals("application/problem+json", invalid.headers().firstValue("Content-Type").orElseThrow());
        for (String reason : new String[] {"displayName: required", "issuer: must use https",
                "clientSecretEnv: must be OIDC_SECRET_DEMO", "claim: required", "matchOn: required"}) {
            assertTrue(invalid.body().contains(reason), reason + " in " + invalid.body());
        }

        HttpResponse<String> unknownIssuer = putSettings(settings(KeycloakServer.shared().issuer("no-such-realm"),
                "email", "email"));
        assertEquals(400, unknownIssuer.statusCode(), unknownIssuer.body());
        assertTrue(unknownIssuer.body().contains("cannot be enabled: discovery of"), unknownIssuer.body());

        HttpResponse<String> asLearner = server.send(server.request("/api/organisations/current/oidc")
                .header("Authorization", LmsServer.basicAuth("learner", "demo-learner")).build());
        assertEquals(403, asLearner.statusCode());
        HttpResponse<String> anonymous = server.send(server.request("/api/organisations/current/oidc").build());
        assertEquals(401, anonymous.statusCode());

        HttpResponse<String> stillThere = server.send(server.request("/api/organisations/current/oidc")
                .header("Authorization", ADMIN).build());
        assertTrue(stillThere.body().contains(KeycloakServer.shared().issuer("digikomp") + "\""),
                "a refused PUT changed nothing: " + stillThere.body());
    }
}
