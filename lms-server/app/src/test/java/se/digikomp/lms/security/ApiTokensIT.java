package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.PageClient;

/** API tokens made on the profile page and used as Bearer; the API's same-origin rule for browser sessions. */
@ExtendWith(LmsServer.class)
class ApiTokensIT {

    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token\">(dkt_[A-Za-z0-9_-]{43})</code>");

    private final LmsServer.Instance server = LmsServer.shared();

    private String createToken(PageClient author, String name) throws Exception {
        HttpResponse<String> created = author.submit("/profile", "tokens-form", Map.of("token-name", name,
                "token-expires", LocalDate.now().plusDays(30).toString(), "create-token", "x"));
        assertEquals(200, created.statusCode(), created.body());
        Matcher token = NEW_TOKEN.matcher(created.body());
        assertTrue(token.find(), created.body());
        return token.group(1);
    }

    private HttpResponse<String> me(String authorization) throws Exception {
        return server.send(server.request("/api/accounts/me").header("Authorization", authorization).build());
    }

    @Test
    void anAuthorCreatesATokenUsesItAsBearerAndRevokesIt() throws Exception {
        PageClient author = new PageClient(server, "en");
        author.signIn("author", "demo-author", "/profile");
        String token = createToken(author, "publish from CI");
        assertEquals(0, SignInIT.count("SELECT COUNT(*) FROM api_token WHERE token_hash = '" + token + "'"));
        assertEquals(1, SignInIT.count("SELECT COUNT(*) FROM api_token WHERE token_hash = '"
                + Tokens.sha256(token) + "'"), "stored as its SHA-256 only");

        HttpResponse<String> me = me("Bearer " + token);
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"author\""), me.body());

        String list = author.get("/profile").body();
        assertTrue(list.contains("publish from CI"));
        assertFalse(list.contains(token), "shown once, never again");

        long id = SignInIT.count("SELECT id FROM api_token WHERE token_hash = '" + Tokens.sha256(token) + "'");
        Map<String, String> revoke = PageClient.formFields(list, "tokens-list-form", Map.of());
        String button = revokeButton(list);
        revoke.put(button, "x");
        HttpResponse<String> revoked = author.post("/profile", revoke, Map.of("Origin", author.origin()));
        assertTrue(revoked.body().contains("The token has been revoked."), revoked.body());
        HttpResponse<String> refused = me("Bearer " + token);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("revoked"), refused.body());
        assertTrue(id > 0);
    }

    private static String revokeButton(String html) {
        Matcher button = Pattern.compile("<input[^>]+name=\"([^\"]+)\" value=\"Revoke\"").matcher(html);
        assertTrue(button.find(), html);
        return button.group(1);
    }

    @Test
    void anExpiredOrUnknownTokenIsRefusedWithItsReason() throws Exception {
        PageClient admin = new PageClient(server, "en");
        admin.signIn("admin", "demo-admin", "/profile");
        String token = createToken(admin, "expiring");
        SignInIT.sql("UPDATE api_token SET expires_at = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE token_hash = '"
                + Tokens.sha256(token) + "'");
        HttpResponse<String> expired = me("Bearer " + token);
        assertEquals(401, expired.statusCode());
        assertTrue(expired.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(expired.body().contains("expired"), expired.body());
        HttpResponse<String> unknown = me("Bearer dkt_" + "x".repeat(43));
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("not known"), unknown.body());
    }

    @Test
    void aNewTokensExpiryMustBeInTheComingYear() throws Exception {
        PageClient admin = new PageClient(server, "sv");
        admin.signIn("admin", "demo-admin", "/profile");
        HttpResponse<String> past = admin.submit("/profile", "tokens-form", Map.of("token-name", "old",
                "token-expires", LocalDate.now().minusDays(1).toString(), "create-token", "x"));
        assertTrue(past.body().contains("href=\"#token-expires\">Nyckeln måste gälla minst till och med i morgon."),
                past.body());
        HttpResponse<String> far = admin.submit("/profile", "tokens-form", Map.of("token-name", "far",
                "token-expires", LocalDate.now().plusYears(2).toString(), "create-token", "x"));
        assertTrue(far.body().contains("Nyckeln kan gälla högst 366 dagar framåt."), far.body());
        HttpResponse<String> garbage = admin.submit("/profile", "tokens-form", Map.of("token-name", "x",
                "token-expires", "tomorrow", "create-token", "x"));
        assertTrue(garbage.body().contains("Giltig till och med ska vara ett datum som 2027-01-31."), garbage.body());
        assertFalse(garbage.body().contains("id=\"new-token\""));
    }

    @Test
    void aLearnerHasNoTokens() throws Exception {
        PageClient learner = new PageClient(server, "en");
        learner.signIn("learner", "demo-learner", "/profile");
        String profile = learner.get("/profile").body();
        assertFalse(profile.contains("tokens-form"), profile);
    }

    @Test
    void aBrowserSessionChangesDataThroughTheApiOnlyFromOurOwnPages() throws Exception {
        PageClient admin = new PageClient(server, "sv");
        admin.signIn("admin", "demo-admin", null);
        String body = "{\"name\": \"Origin-prov\", \"code\": \"ORIGIN-" + System.nanoTime() % 100000 + "\"}";
        HttpRequest.Builder post = HttpRequest.newBuilder(server.uri("/api/units"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> foreign = admin.send(post.copy().header("Origin", "https://evil.example").build());
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("Origin"), foreign.body());
        HttpResponse<String> crossSite = admin.send(post.copy().header("Sec-Fetch-Site", "cross-site").build());
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> neither = admin.send(post.build());
        assertEquals(403, neither.statusCode(), "a cookie alone is not enough");
        HttpResponse<String> ours = admin.send(post.copy().header("Origin", admin.origin()).build());
        assertEquals(201, ours.statusCode(), ours.body());
        HttpResponse<String> read = admin.send(HttpRequest.newBuilder(server.uri("/api/units"))
                .header("Origin", "https://evil.example").build());
        assertEquals(200, read.statusCode(), "reading is not a state change");

        String basicBody = "{\"name\": \"Basic-prov\", \"code\": \"BASIC-" + System.nanoTime() % 100000 + "\"}";
        HttpResponse<String> script = server.send(server.request("/api/units")
                .header("Authorization", LmsServer.basicAuth("admin", "demo-admin"))
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(basicBody)).build());
        assertEquals(201, script.statusCode(), "Basic is not cookie-authenticated: " + script.body());
    }
}
