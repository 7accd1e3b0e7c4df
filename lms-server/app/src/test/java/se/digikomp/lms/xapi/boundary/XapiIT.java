package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.security.SecretHasher;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;

/**
 * The LRS over real HTTP against the real server and database: every bad-input case of issue 3 gets the xAPI
 * status and a message naming what is wrong, never a 500, never a partial write; tenancy and scopes hold.
 */
@ExtendWith(LmsServer.class)
class XapiIT {

    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static XapiClient demo;
    private static XapiClient other;
    private static XapiClient writeOnly;
    private static XapiClient mineA;
    private static XapiClient mineB;

    @BeforeAll
    static void credentials() throws Exception {
        LmsServer.Instance server = LmsServer.shared();
        demo = XapiClient.of(server.uri("/"), LmsServer.XAPI_KEY, LmsServer.XAPI_SECRET);
        try (Connection c = TestDatabase.shared().connect(server.schema())) {
            long demoOrg;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT organisation_id FROM lrs_client WHERE client_key = '"
                            + LmsServer.XAPI_KEY + "'")) {
                rs.next();
                demoOrg = rs.getLong(1);
            }
            long otherOrg;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO organisation (slug, name) VALUES (?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "other-" + UUID.randomUUID().toString().substring(0, 8));
                ps.setString(2, "Annan kommun");
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    otherOrg = keys.getLong(1);
                }
            }
            other = client(c, server, otherOrg, "all");
            writeOnly = client(c, server, demoOrg, "statements/write");
            mineA = client(c, server, demoOrg, "statements/write statements/read/mine");
            mineB = client(c, server, demoOrg, "statements/write statements/read/mine");
        }
    }

    private static XapiClient client(Connection c, LmsServer.Instance server, long org, String scopes)
            throws Exception {
        String key = "it-" + UUID.randomUUID().toString().substring(0, 12);
        String secret = "s-" + UUID.randomUUID();
        SecretHasher.Hashed hashed = SecretHasher.hash(secret);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO lrs_client (organisation_id, client_key,"
                + " secret_salt, secret_hash, scopes, label, active) VALUES (?,?,?,?,?,?,TRUE)")) {
            ps.setLong(1, org);
            ps.setString(2, key);
            ps.setString(3, hashed.salt());
            ps.setString(4, hashed.hash());
            ps.setString(5, scopes);
            ps.setString(6, "IT " + scopes);
            ps.executeUpdate();
        }
        return XapiClient.of(server.uri("/"), key, secret);
    }

    private static void assertStatus(int status, HttpResponse<String> r, String messageMentions) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("X-Experience-API-Version").isPresent(), "version header on every answer");
        assertTrue(r.headers().firstValue("Date").isPresent(), "Date header on every answer");
        if (messageMentions != null) {
            assertTrue(r.body().contains(messageMentions), () -> "message should name " + messageMentions + ": "
                    + r.body());
        }
    }

    @Test
    void storesAndReturnsAStatementWithWhatTheLrsSets() throws Exception {
        String id = UUID.randomUUID().toString();
        assertStatus(204, demo.put("/statements?statementId=" + id, "application/json",
                XapiClient.statement(id, "anna@example.se", COMPLETED)), null);
        HttpResponse<String> got = demo.get("/statements?statementId=" + id);
        assertStatus(200, got, null);
        JsonObject s = XapiClient.object(got.body());
        assertEquals(id, s.getString("id"));
        assertEquals("2.0.0", s.getString("version"));
        assertNotNull(s.getString("stored"));
        assertEquals(LmsServer.XAPI_KEY, s.getJsonObject("authority").getJsonObject("account").getString("name"));
        assertTrue(got.headers().firstValue("Last-Modified").isPresent());
        assertTrue(got.headers().firstValue("X-Experience-API-Consistent-Through").isPresent());
    }

    @Test
    void legacyVersionHeadersAreAcceptedAndStoredAs103() throws Exception {
        for (String legacy : new String[] {"1.0.0", "1.0.1", "1.0.2"}) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> r = demo.withVersion(legacy).postJson("/statements",
                    XapiClient.statement(id, "legacy@example.se", COMPLETED));
            assertStatus(200, r, null);
            assertEquals("1.0.3", r.headers().firstValue("X-Experience-API-Version").orElseThrow());
            JsonObject s = XapiClient.object(demo.get("/statements?statementId=" + id).body());
            assertEquals("1.0.3", s.getString("version"));
        }
        assertStatus(400, demo.withVersion("0.95").get("/statements"), "X-Experience-API-Version");
        assertStatus(400, demo.withVersion(null).get("/statements"), "X-Experience-API-Version");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertStatus(400, demo.postJson("/statements", "{\"actor\": {"), "not valid JSON");
        assertStatus(400, demo.postJson("/statements", "{\"actor\":{}}[]"), "not valid JSON");
    }

    @Test
    void wrongTypesAndFormatsAre400NamingTheProperty() throws Exception {
        String ok = XapiClient.statement(UUID.randomUUID().toString(), "b@example.se", COMPLETED);
        assertStatus(400, demo.postJson("/statements", ok.replace("\"mailto:b@example.se\"", "\"b@example.se\"")),
                "statement.actor.mbox");
        assertStatus(400, demo.postJson("/statements", ok.replace(COMPLETED, "completed")), "statement.verb.id");
        assertStatus(400, demo.postJson("/statements", ok.replace("\"sv-SE\"", "\"not a tag\"")),
                "statement.verb.display");
        String open = ok.substring(0, ok.length() - 1);
        assertStatus(400, demo.postJson("/statements", open + ",\"result\":{\"duration\":\"1 hour\"}}"),
                "statement.result.duration");
        assertStatus(400, demo.postJson("/statements", open + ",\"result\":{\"success\":\"yes\"}}"),
                "statement.result.success");
    }

    @Test
    void unknownParametersAndWrongContentTypesAre400() throws Exception {
        assertStatus(400, demo.get("/statements?colour=blue"), "colour");
        assertStatus(400, demo.get("/statements?statementId=" + UUID.randomUUID() + "&verb=" + COMPLETED), "verb");
        assertStatus(400, demo.get("/statements?limit=-1"), "limit");
        assertStatus(400, demo.post("/statements", "text/plain",
                XapiClient.statement(UUID.randomUUID().toString(), "c@example.se", COMPLETED)), "Content-Type");
        assertStatus(404, demo.get("/nothing-here"), null);
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpResponse<String> r = demo.send(demo.request("/statements").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        assertStatus(413, r, "lms.xapi.max-body-bytes");
    }

    @Test
    void missingOrWrongCredentialsAre401() throws Exception {
        assertStatus(401, new XapiClient(demo.base(), null, "2.0.0").get("/statements"), "Authorization");
        XapiClient wrong = XapiClient.of(demo.base(), LmsServer.XAPI_KEY, "wrong");
        HttpResponse<String> r = wrong.get("/statements");
        assertStatus(401, r, null);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertStatus(200, new XapiClient(demo.base(), null, null).get("/about"), null);
    }

    @Test
    void aBatchWithOneInvalidStatementStoresNone() throws Exception {
        String good = UUID.randomUUID().toString();
        String bad = XapiClient.statement(UUID.randomUUID().toString(), "d@example.se", COMPLETED)
                .replace("\"objectType\":\"Agent\"", "\"objectType\":\"agent\"");
        HttpResponse<String> r = demo.postJson("/statements", "[" + XapiClient.statement(good, "d@example.se",
                COMPLETED) + "," + bad + "]");
        assertStatus(400, r, "statements[1]");
        assertStatus(404, demo.get("/statements?statementId=" + good), null);
    }

    @Test
    void statementsAreImmutable() throws Exception {
        String id = UUID.randomUUID().toString();
        String s = XapiClient.statement(id, "e@example.se", COMPLETED);
        assertStatus(200, demo.postJson("/statements", s), null);
        assertStatus(200, demo.postJson("/statements", s), null);
        assertStatus(409, demo.postJson("/statements", s.replace(COMPLETED, "http://adlnet.gov/expapi/verbs/failed")),
                id);
    }

    /**
     * Concurrent POSTs are written together (group commit); each request must still get its own answer: a
     * conflicting id fails only its own request, an id sent twice with the same content is stored once.
     */
    @Test
    void concurrentPostsAreEachAnsweredForThemselves() throws Exception {
        int threads = 12;
        int perThread = 15;
        java.util.List<String> ids = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<String> conflicting = new java.util.ArrayList<>();
        java.util.List<String> repeated = new java.util.ArrayList<>();
        for (int i = 0; i < perThread; i++) {
            conflicting.add(UUID.randomUUID().toString());
            repeated.add(UUID.randomUUID().toString());
        }
        java.util.Map<String, java.util.List<String>> conflictAnswers = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.Map<String, java.util.List<Integer>> repeatAnswers = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String id = UUID.randomUUID().toString();
                    assertStatus(200, demo.postJson("/statements", XapiClient.statement(id, "g@example.se", COMPLETED)),
                            null);
                    ids.add(id);
                    if (thread < 2) {
                        // two threads post the same id with different verbs: one wins, the other is a 409
                        String verb = thread == 0 ? COMPLETED : "http://adlnet.gov/expapi/verbs/failed";
                        String id2 = conflicting.get(i);
                        HttpResponse<String> r = demo.postJson("/statements",
                                XapiClient.statement(id2, "h@example.se", verb).replaceAll("courses/[0-9a-f-]+", "courses/x"));
                        conflictAnswers.computeIfAbsent(id2, k -> java.util.Collections.synchronizedList(
                                new java.util.ArrayList<>())).add(r.statusCode() + " " + verb);
                    } else if (thread < 4) {
                        // two threads post the same statement: both succeed, it is stored once
                        HttpResponse<String> r = demo.postJson("/statements", XapiClient.statement(repeated.get(i),
                                "k@example.se", COMPLETED).replaceAll("courses/[0-9a-f-]+", "courses/y"));
                        repeatAnswers.computeIfAbsent(repeated.get(i), k -> java.util.Collections.synchronizedList(
                                new java.util.ArrayList<>())).add(r.statusCode());
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(threads * perThread, ids.size());
        for (String id : ids) {
            assertStatus(200, demo.get("/statements?statementId=" + id), null);
        }
        for (String id : conflicting) {
            java.util.List<String> answers = conflictAnswers.get(id);
            assertEquals(2, answers.size(), answers::toString);
            java.util.List<String> won = answers.stream().filter(a -> a.startsWith("200 ")).toList();
            assertEquals(1, won.size(), () -> "exactly one of the conflicting requests is stored: " + answers);
            assertEquals(1, answers.stream().filter(a -> a.startsWith("409 ")).count(), answers::toString);
            HttpResponse<String> stored = demo.get("/statements?statementId=" + id);
            assertEquals(won.get(0).substring(4), XapiClient.object(stored.body()).getJsonObject("verb").getString("id"),
                    "the stored statement is the one whose request was answered 200");
        }
        for (String id : repeated) {
            assertEquals(java.util.List.of(200, 200), repeatAnswers.get(id));
        }
    }

    @Test
    void anotherOrganisationSeesNoneOfThisOnesStatementsOrDocuments() throws Exception {
        String id = UUID.randomUUID().toString();
        String verb = "http://digikomp.example/verbs/" + UUID.randomUUID();
        assertStatus(200, demo.postJson("/statements", XapiClient.statement(id, "f@example.se", verb)), null);
        assertStatus(404, other.get("/statements?statementId=" + id), null);
        JsonObject result = XapiClient.object(other.get("/statements?verb=" + verb).body());
        assertEquals(0, result.getJsonArray("statements").size());
        assertEquals(1, XapiClient.object(demo.get("/statements?verb=" + verb).body()).getJsonArray("statements").size());
        String params = "?activityId=http%3A%2F%2Fdigikomp.example%2Fa&agent=%7B%22mbox%22%3A%22mailto%3Af%40example.se%22%7D"
                + "&stateId=s1";
        assertStatus(204, demo.put("/activities/state" + params, "application/json", "{\"page\":3}"), null);
        assertStatus(404, other.get("/activities/state" + params), null);
        assertStatus(200, demo.get("/activities/state" + params), null);
        // the same statement id in another organisation is that organisation's own statement
        assertStatus(200, other.postJson("/statements", XapiClient.statement(id, "g@example.se", verb)), null);
        assertEquals("mailto:f@example.se", XapiClient.object(demo.get("/statements?statementId=" + id).body())
                .getJsonObject("actor").getString("mbox"));
    }

    @Test
    void scopesLimitWhatAClientMayDo() throws Exception {
        String id = UUID.randomUUID().toString();
        assertStatus(200, writeOnly.postJson("/statements", XapiClient.statement(id, "h@example.se", COMPLETED)),
                null);
        assertStatus(403, writeOnly.get("/statements?statementId=" + id), "statements/read");
        assertStatus(403, writeOnly.get("/activities/state?activityId=http%3A%2F%2Fe.com&agent=%7B%22mbox%22%3A"
                + "%22mailto%3Ah%40example.se%22%7D&stateId=x"), "state");
        String verb = "http://digikomp.example/verbs/" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        assertStatus(200, mineA.postJson("/statements", XapiClient.statement(a, "i@example.se", verb)), null);
        assertStatus(200, mineB.postJson("/statements", XapiClient.statement(b, "i@example.se", verb)), null);
        JsonArray seenByA = XapiClient.object(mineA.get("/statements?verb=" + verb).body()).getJsonArray("statements");
        assertEquals(1, seenByA.size());
        assertEquals(a, seenByA.getJsonObject(0).getString("id"));
        assertStatus(404, mineA.get("/statements?statementId=" + b), null);
        assertEquals(2, XapiClient.object(demo.get("/statements?verb=" + verb).body()).getJsonArray("statements")
                .size());
    }

    /**
     * 1.0.3 Communication 4.2: statements/read/mine reads the statements its credential stored, nothing more; the
     * Activities Resource answers the canonical definition merged from every client's statements (Communication
     * 2.5), so a read/mine credential gets 403 there, and a credential that may read every statement sees it.
     */
    @Test
    void communication4_2_aReadMineCredentialCannotListOtherClientsActivityDefinitions() throws Exception {
        String activity = "http://digikomp.example/secret-course/" + UUID.randomUUID();
        String statement = "{\"actor\":{\"mbox\":\"mailto:m@example.se\"},\"verb\":{\"id\":\"" + COMPLETED
                + "\"},\"object\":{\"id\":\"" + activity + "\",\"definition\":{\"name\":{\"sv-SE\":"
                + "\"Hemlig kurs\"}}}}";
        assertStatus(200, mineB.postJson("/statements", statement), null);
        String query = "/activities?activityId=" + java.net.URLEncoder.encode(activity,
                java.nio.charset.StandardCharsets.UTF_8);
        assertStatus(403, mineA.get(query), "statements/read");
        assertStatus(403, mineB.get(query), "statements/read/mine");
        HttpResponse<String> all = demo.get(query);
        assertStatus(200, all, "Hemlig kurs");
    }

    /**
     * 1.0.3 Communication 2.1.4: a statement whose object is a StatementRef matches the filters its target
     * matches, also through a chain of references, and also when the target came earlier in the same batch.
     */
    @Test
    void statementsTargetingAMatchingStatementAreFoundByItsFilters() throws Exception {
        String activity = "http://digikomp.example/courses/" + UUID.randomUUID();
        String target = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String original = XapiClient.statement(target, "m@example.se", COMPLETED)
                .replaceAll("http://digikomp.example/courses/[0-9a-f-]+", activity);
        String firstRef = "{\"id\":\"" + first + "\",\"actor\":{\"mbox\":\"mailto:n@example.se\"},\"verb\":{\"id\":"
                + "\"http://digikomp.example/verbs/commented\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
                + target + "\"}}";
        assertStatus(200, demo.postJson("/statements", "[" + original + "," + firstRef + "]"), null);
        String secondRef = firstRef.replace(first, second).replace(target, first).replace("n@example", "o@example");
        assertStatus(200, demo.postJson("/statements", secondRef), null);
        JsonObject page = XapiClient.object(demo.get("/statements?activity=" + activity).body());
        java.util.Set<String> ids = new java.util.HashSet<>();
        page.getJsonArray("statements").forEach(s -> ids.add(s.asJsonObject().getString("id")));
        assertEquals(java.util.Set.of(target, first, second), ids);
        JsonObject byVerb = XapiClient.object(demo.get("/statements?verb=" + COMPLETED + "&agent="
                + java.net.URLEncoder.encode("{\"mbox\":\"mailto:m@example.se\"}", java.nio.charset.StandardCharsets.UTF_8)
                + "&activity=" + activity).body());
        assertEquals(3, byVerb.getJsonArray("statements").size(), byVerb.toString());
    }

    @Test
    void moreLinksPageThroughAQueryWithoutOverlap() throws Exception {
        String verb = "http://digikomp.example/verbs/" + UUID.randomUUID();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 7; i++) {
            batch.append(i == 0 ? "" : ",").append(XapiClient.statement(UUID.randomUUID().toString(),
                    "j" + i + "@example.se", verb));
        }
        assertStatus(200, demo.postJson("/statements", batch + "]"), null);
        java.util.Set<String> seen = new java.util.HashSet<>();
        String next = "/statements?verb=" + verb + "&limit=3";
        int pages = 0;
        while (next != null && !next.isEmpty()) {
            JsonObject page = XapiClient.object(demo.get(next).body());
            page.getJsonArray("statements").forEach(s -> assertTrue(seen.add(s.asJsonObject().getString("id"))));
            String more = page.getString("more", "");
            next = more.isEmpty() ? null : more.substring("/xapi".length());
            pages++;
        }
        assertEquals(7, seen.size());
        assertEquals(3, pages);
    }

    @Test
    void documentsUseEtagsAndMergeJsonOnPost() throws Exception {
        String params = "?activityId=http%3A%2F%2Fdigikomp.example%2Fprofile-" + UUID.randomUUID() + "&profileId=p";
        assertStatus(204, demo.put("/activities/profile" + params, "application/json", "{\"a\":1}",
                "If-None-Match", "*"), null);
        assertStatus(409, demo.put("/activities/profile" + params, "application/json", "{\"a\":2}"), "If-Match");
        assertStatus(412, demo.put("/activities/profile" + params, "application/json", "{\"a\":2}",
                "If-Match", "\"0000\""), "If-Match");
        assertStatus(204, demo.postJson("/activities/profile" + params, "{\"b\":2}"), null);
        HttpResponse<String> got = demo.get("/activities/profile" + params);
        assertEquals(XapiClient.object("{\"a\":1,\"b\":2}"), XapiClient.object(got.body()));
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertStatus(204, demo.put("/activities/profile" + params, "application/json", "{\"c\":3}",
                "If-Match", etag), null);
        assertStatus(400, demo.postJson("/activities/profile" + params, "[1,2]"), "JSON object");
    }

    @Test
    void aDatabaseOutageGives503AndNothingHalfWritten() throws Exception {
        String id = UUID.randomUUID().toString();
        java.util.List<String> concurrent = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            concurrent.add(UUID.randomUUID().toString());
        }
        TestDatabase.shared().stop();
        try {
            HttpResponse<String> r = demo.postJson("/statements", XapiClient.statement(id, "l@example.se", COMPLETED));
            assertStatus(503, r, "unavailable");
            assertFalse(r.body().contains("Exception"), "no stack trace: " + r.body());
            // requests that arrive together (and are written together) each get their 503 too
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
                for (String other : concurrent) {
                    answers.add(pool.submit(() -> demo.postJson("/statements",
                            XapiClient.statement(other, "l@example.se", COMPLETED))));
                }
                for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                    assertStatus(503, answer.get(60, java.util.concurrent.TimeUnit.SECONDS), "unavailable");
                }
            } finally {
                pool.shutdownNow();
            }
        } finally {
            restartDatabase();
        }
        LmsServer.await(java.time.Duration.ofSeconds(60), "the LRS answers again after the database is back",
                () -> {
                    try {
                        return demo.get("/statements?limit=1").statusCode() == 200;
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
        assertStatus(404, demo.get("/statements?statementId=" + id), null);
        for (String other : concurrent) {
            assertStatus(404, demo.get("/statements?statementId=" + other), null);
        }
        assertStatus(200, demo.postJson("/statements", XapiClient.statement(id, "l@example.se", COMPLETED)), null);
    }

    @Test
    void anAdministratorManagesLrsClientsOfTheOwnOrganisationOnly() throws Exception {
        LmsServer.Instance server = LmsServer.shared();
        String admin = LmsServer.basicAuth("admin", "demo-admin");
        HttpResponse<String> created = server.send(server.request("/api/lrs-clients").header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"label\":\"Moodle\",\"scopes\":[\"statements/write\",\"statements/read/mine\"]}"))
                .build());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject client = XapiClient.object(created.body());
        XapiClient moodle = XapiClient.of(demo.base(), client.getString("key"), client.getString("secret"));
        assertStatus(200, moodle.postJson("/statements", XapiClient.statement(UUID.randomUUID().toString(),
                "m@example.se", COMPLETED)), null);
        HttpResponse<String> listed = server.send(server.request("/api/lrs-clients").header("Authorization", admin)
                .build());
        assertFalse(listed.body().contains(client.getString("secret")), "the secret is shown only once");
        assertTrue(listed.body().contains(client.getString("key")));
        HttpResponse<String> badScope = server.send(server.request("/api/lrs-clients").header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"label\":\"x\",\"scopes\":[\"everything\"]}")).build());
        assertEquals(400, badScope.statusCode(), badScope.body());
        assertTrue(badScope.body().contains("everything"));
        HttpResponse<String> asLearner = server.send(server.request("/api/lrs-clients")
                .header("Authorization", LmsServer.basicAuth("learner", "demo-learner")).build());
        assertEquals(403, asLearner.statusCode());
        HttpResponse<String> removed = server.send(server.request("/api/lrs-clients/" + client.getJsonNumber("id"))
                .header("Authorization", admin).DELETE().build());
        assertEquals(204, removed.statusCode(), removed.body());
        assertStatus(401, moodle.get("/statements"), null);
    }

    /** Starts the shared test database again; the old server process may need a moment to let go of its port. */
    private static void restartDatabase() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                TestDatabase.shared().start();
                return;
            } catch (Exception e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
