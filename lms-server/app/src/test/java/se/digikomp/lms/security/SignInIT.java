package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.PageClient;
import se.digikomp.lms.testing.TestDatabase;

/** Form sign-in, throttling and lock-out, sign-out, session expiry and CSRF, over HTTP against the real server. */
@ExtendWith(LmsServer.class)
class SignInIT {

    private final LmsServer.Instance server = LmsServer.shared();

    /** A throwaway account of the demo organisation (so lock-outs never touch the demo accounts). */
    static long account(String username, String password, String role) throws Exception {
        try (Connection db = TestDatabase.shared().connect(LmsServer.shared().schema());
             Statement sql = db.createStatement()) {
            long organisation;
            try (ResultSet row = sql.executeQuery("SELECT id FROM organisation WHERE slug = 'demo'")) {
                row.next();
                organisation = row.getLong(1);
            }
            sql.executeUpdate("INSERT INTO person (organisation_id, given_name, family_name) VALUES (" + organisation
                    + ", 'Test', 'Person')", Statement.RETURN_GENERATED_KEYS);
            long person;
            try (ResultSet key = sql.getGeneratedKeys()) {
                key.next();
                person = key.getLong(1);
            }
            SecretHasher.Hashed hashed = SecretHasher.hash(password);
            long account;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO account (person_id, username,"
                    + " password_salt, password_hash) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, person);
                insert.setString(2, username);
                insert.setString(3, hashed.salt());
                insert.setString(4, hashed.hash());
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    account = key.getLong(1);
                }
            }
            sql.executeUpdate("INSERT INTO account_role (account_id, role) VALUES (" + account + ", '" + role + "')");
            return account;
        }
    }

    static void sql(String statement) throws Exception {
        try (Connection db = TestDatabase.shared().connect(LmsServer.shared().schema());
             Statement sql = db.createStatement()) {
            sql.executeUpdate(statement);
        }
    }

    static long count(String query) throws Exception {
        try (Connection db = TestDatabase.shared().connect(LmsServer.shared().schema());
             Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void aProtectedPageSendsAVisitorToSignInAndBackAfterwardsWithANewSessionId() throws Exception {
        PageClient browser = new PageClient(server, "sv");
        HttpResponse<String> profile = browser.get("/profile?tab=x");
        assertEquals(302, profile.statusCode(), profile.body());
        assertTrue(profile.headers().firstValue("Location").orElse("").endsWith("/login?next=%2Fprofile%3Ftab%3Dx"));

        browser.get("/login");
        String before = browser.cookie("JSESSIONID").orElseThrow();
        HttpResponse<String> signedIn = browser.signIn("learner", "demo-learner", "/profile?tab=x");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/profile?tab=x"));
        String after = browser.cookie("JSESSIONID").orElseThrow();
        assertNotEquals(before, after, "a new session id at sign-in");
        String setCookie = String.join("\n", signedIn.headers().allValues("Set-Cookie"));
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "not Secure over plain HTTP: " + setCookie);

        HttpResponse<String> page = browser.get("/profile");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<dd>learner</dd>"), page.body());
        assertTrue(page.body().contains("Demokommunen"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void theTargetAfterSignInIsOnlyEverAPathOnThisServer() throws Exception {
        PageClient browser = new PageClient(server, "sv");
        HttpResponse<String> signedIn = browser.signIn("learner", "demo-learner", "https://evil.example/");
        assertEquals(server.uri("/").toString(), signedIn.headers().firstValue("Location").orElse(""));
        assertEquals(server.uri("/").toString(), new PageClient(server, "sv")
                .signIn("learner", "demo-learner", "//evil.example/x").headers().firstValue("Location").orElse(""));
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrong = new PageClient(server, "en").signIn("manager", "not-the-password", null);
        HttpResponse<String> unknown = new PageClient(server, "en").signIn("nobody-" + System.nanoTime(), "x", null);
        for (HttpResponse<String> answer : java.util.List.of(wrong, unknown)) {
            assertEquals(200, answer.statusCode());
            assertTrue(answer.body().contains("Wrong username or password."), answer.body());
            assertTrue(answer.body().contains("class=\"ds-error-summary\""));
            assertTrue(answer.body().contains("<title>Error: Sign in – Digikomp</title>"), answer.body());
        }
        sql("DELETE FROM sign_in_throttle");
    }

    @Test
    void emptyFieldsAreNamedInTheErrorSummaryAndBesideTheField() throws Exception {
        HttpResponse<String> answer = new PageClient(server, "sv").signIn("", "", null);
        assertTrue(answer.body().contains("<a class=\"ds-link\" href=\"#username\">Användarnamn måste fyllas i.</a>"),
                answer.body());
        assertTrue(answer.body().contains("id=\"password-message\">Lösenord måste fyllas i.</p>"), answer.body());
        assertTrue(answer.body().contains("aria-describedby=\"username-message\""), answer.body());
    }

    @Test
    void repeatedFailuresSlowDownThenLockTheAccountForAWhileWhateverThePassword() throws Exception {
        long account = account("lockme", "right-password", "LEARNER");
        PageClient browser = new PageClient(server, "en");
        for (int i = 1; i <= 5; i++) {
            assertTrue(browser.signIn("lockme", "wrong-" + i, null).body().contains("Wrong username or password."));
        }
        HttpResponse<String> throttled = browser.signIn("lockme", "right-password", null);
        assertTrue(throttled.body().contains("Too many failed attempts."), "even the right password waits");
        int failures = 5;
        while (failures < 10) {
            LmsServer.await(Duration.ofSeconds(30), "the growing delay to pass", () -> {
                try {
                    return count("SELECT COUNT(*) FROM sign_in_throttle WHERE next_attempt_at IS NULL"
                            + " OR next_attempt_at < CURRENT_TIMESTAMP(3)") > 0;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(50);
            String answer = browser.signIn("lockme", "wrong-again", null).body();
            if (answer.contains("Wrong username or password.")) {
                failures++;
            }
        }
        assertTrue(count("SELECT COUNT(*) FROM sign_in_throttle WHERE locked_until > CURRENT_TIMESTAMP(3)") >= 1);
        assertTrue(browser.signIn("lockme", "right-password", null).body().contains("Too many failed attempts."));
        assertEquals(401, server.send(server.request("/api/accounts/me")
                .header("Authorization", LmsServer.basicAuth("lockme", "right-password")).build()).statusCode(),
                "the API's Basic is locked too");
        sql("UPDATE sign_in_throttle SET locked_until = CURRENT_TIMESTAMP(3) - INTERVAL 1 SECOND");
        HttpResponse<String> afterLock = browser.signIn("lockme", "right-password", null);
        assertEquals(302, afterLock.statusCode(), "the lock is temporary: " + afterLock.body());
        assertEquals(0, count("SELECT COUNT(*) FROM sign_in_throttle"), "a success clears the failures");
        assertTrue(account > 0);
    }

    @Test
    void signingOutEndsTheSessionAndOnlyOurPagesMaySignSomeoneOut() throws Exception {
        PageClient browser = new PageClient(server, "sv");
        browser.signIn("hr", "demo-hr", "/profile");
        HttpResponse<String> forged = browser.post("/logout", Map.of(), Map.of("Origin", "https://evil.example"));
        assertEquals(403, forged.statusCode());
        assertEquals(200, browser.get("/profile").statusCode(), "still signed in");

        String session = browser.cookie("JSESSIONID").orElseThrow();
        HttpResponse<String> out = browser.post("/logout", Map.of(), Map.of("Origin", browser.origin()));
        assertEquals(303, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElse("").endsWith("/login?signed-out"));
        assertEquals(302, browser.get("/profile").statusCode());
        PageClient replay = new PageClient(server, "sv");
        HttpResponse<String> old = replay.send(java.net.http.HttpRequest.newBuilder(server.uri("/profile"))
                .header("Cookie", "JSESSIONID=" + session).build());
        assertEquals(302, old.statusCode(), "the old session cookie is worth nothing");
    }

    @Test
    void anIdleSessionExpiresAndTheNextPageAsksToSignInAgain() throws Exception {
        long account = account("idle-" + System.nanoTime() % 100000, "idle-password", "LEARNER");
        String username;
        try (Connection db = TestDatabase.shared().connect(server.schema());
             Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT username FROM account WHERE id = " + account)) {
            row.next();
            username = row.getString(1);
        }
        PageClient browser = new PageClient(server, "en");
        browser.signIn(username, "idle-password", null);
        assertEquals(200, browser.get("/profile").statusCode());
        // as if lms.web.session-timeout (30 min by default) had passed since the last request
        sql("UPDATE sign_in_session SET last_seen_at = last_seen_at - INTERVAL 31 MINUTE WHERE account_id = " + account);
        HttpResponse<String> expired = browser.get("/profile");
        assertEquals(302, expired.statusCode());
        String location = expired.headers().firstValue("Location").orElse("");
        assertTrue(location.endsWith("/login?next=%2Fprofile&expired"), location);
        assertTrue(browser.get("/login?next=%2Fprofile&expired").body()
                .contains("You were inactive for too long and have been signed out."));
        assertEquals(0, count("SELECT COUNT(*) FROM sign_in_session WHERE account_id = " + account));
    }

    @Test
    void aFormPostForgedOnAnotherSiteChangesNothing() throws Exception {
        PageClient victim = new PageClient(server, "sv");
        victim.signIn("manager", "demo-manager", "/profile");
        assertEquals(200, victim.get("/profile").statusCode());
        // the attacker's page posts the profile's language form into the victim's session, with a view state
        // the attacker got from their own visit (they cannot read the victim's)
        PageClient attacker = new PageClient(server, "sv");
        attacker.signIn("author", "demo-author", "/profile");
        Map<String, String> fields = PageClient.formFields(attacker.get("/profile").body(), "language-form",
                Map.of("language-choice", "en", "save-language", "x"));
        HttpResponse<String> forged = victim.post("/profile", fields, Map.of("Origin", "https://evil.example"));
        assertNotEquals(302, forged.statusCode(), forged.body());
        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE username = 'manager' AND language IS NOT NULL"));
        assertTrue(victim.get("/profile").body().contains("lang=\"sv\""));
    }
}
