package se.digikomp.lms.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;

/**
 * A person's right of access and erasure, over real HTTP against the real server: statements and documents stored
 * through /xapi under each of the person's agent identities, the export, then the erasure and what the LRS answers
 * afterwards.
 */
@ExtendWith(LmsServer.class)
class PersonalDataIT {

    static final String ADMIN = LmsServer.basicAuth("admin", "demo-admin");
    static final String HR = LmsServer.basicAuth("hr", "demo-hr");
    static final String LEARNER = LmsServer.basicAuth("learner", "demo-learner");

    final LmsServer.Instance server = LmsServer.shared();
    final HttpClient http = HttpClient.newHttpClient();

    /** What the tests store for one person. */
    record Stored(Accounts.Made person, JsonObject account, JsonObject mbox, JsonObject sha1, Map<String, String> ids,
                  String attachmentSha2) {
    }

    @Test
    void anErasedPersonIsPseudonymisedInEveryStatementAndTheLrsForgetsTheOldAgent() throws Exception {
        long demo = Accounts.demoOrganisation(server);
        Accounts.Made person = Accounts.person(server, demo, "LEARNER");
        Stored stored = storeLearningHistory(person);
        long before = count("SELECT COUNT(*) FROM xapi_statement WHERE organisation_id = " + demo);

        HttpResponse<String> erased = erase(person.personId(), ADMIN,
                "{\"reference\": \"Dnr 2026/0042\", \"reason\": \"Anställningen upphörde 2020; gallringsbeslut.\"}");
        assertEquals(201, erased.statusCode(), erased.body());
        JsonObject erasure = json(erased.body());
        assertEquals("Dnr 2026/0042", erasure.getString("reference"));
        assertEquals(1, erasure.getInt("accountsDeleted"));
        assertEquals(2, erasure.getInt("documentsDeleted"));
        assertEquals(4, erasure.getInt("statementsRewritten"));
        assertEquals(1, erasure.getInt("attachmentsRemoved"));
        assertEquals(1, erasure.getInt("responsesRemoved"));
        assertNotNull(erasure.getString("completedAt"));
        String location = erased.headers().firstValue("Location").orElseThrow();
        assertEquals(200, get(java.net.URI.create(location).getPath(), ADMIN).statusCode());

        // the learning history is kept: as many statements as before
        assertEquals(before, count("SELECT COUNT(*) FROM xapi_statement WHERE organisation_id = " + demo));
        // the profile and account are gone, and the attachment's content
        assertEquals(0, count("SELECT COUNT(*) FROM person WHERE id = " + person.personId()));
        assertEquals(0, count("SELECT COUNT(*) FROM account WHERE id = " + person.accountId()));
        assertEquals(0, count("SELECT COUNT(*) FROM xapi_attachment WHERE sha2 = '" + stored.attachmentSha2() + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM person_erasure_key"));

        // the LRS answers nothing for any of the old identities
        for (JsonObject old : List.of(stored.account(), stored.mbox(), stored.sha1())) {
            assertEquals(0, statements("agent=" + param(old)).size(), old.toString());
            assertEquals(0, statements("agent=" + param(old) + "&related_agents=true").size(), old.toString());
        }
        // the documents kept for the person are gone
        assertEquals(404, xapi("/xapi/activities/state?activityId=" + param("https://courses.example/audit-it/a1")
                + "&agent=" + param(stored.account()) + "&stateId=bookmark").statusCode());
        assertEquals(404, xapi("/xapi/agents/profile?agent=" + param(stored.mbox()) + "&profileId=prefs").statusCode());

        // ... and everything for the pseudonym: the three statements they made, and the one they instructed
        JsonObject pseudonym = pseudonym(person.personId());
        assertEquals(3, statements("agent=" + param(pseudonym)).size());
        assertEquals(4, statements("agent=" + param(pseudonym) + "&related_agents=true").size());

        JsonObject answered = statement(stored.ids().get("answered"));
        assertEquals(pseudonym, answered.getJsonObject("actor"));
        assertEquals("http://adlnet.gov/expapi/verbs/answered", answered.getJsonObject("verb").getString("id"));
        assertEquals("https://courses.example/audit-it/q1", answered.getJsonObject("object").getString("id"));
        assertTrue(answered.getJsonObject("result").getBoolean("success"));
        assertFalse(answered.getJsonObject("result").containsKey("response"));
        assertFalse(answered.containsKey("attachments"));
        assertFalse(answered.toString().contains(person.email().toLowerCase(Locale.ROOT)));

        JsonObject completed = statement(stored.ids().get("completed"));
        assertEquals(pseudonym, completed.getJsonObject("actor"));
        assertEquals(0.9, completed.getJsonObject("result").getJsonObject("score").getJsonNumber("scaled").doubleValue());

        JsonObject instructed = statement(stored.ids().get("instructed"));
        assertEquals("mailto:kollega@example.se", instructed.getJsonObject("actor").getString("mbox"));
        assertEquals(pseudonym, instructed.getJsonObject("context").getJsonObject("instructor"));

        JsonObject unrelated = statement(stored.ids().get("unrelated"));
        assertEquals("mailto:kollega@example.se", unrelated.getJsonObject("actor").getString("mbox"));

        // the decision and what was done are in the audit log
        JsonArray events = json(get("/api/audit?action=PERSON_ERASED", ADMIN).body()).getJsonArray("events");
        JsonObject logged = events.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("objectId").equals(Long.toString(person.personId()))).findFirst().orElseThrow();
        assertEquals("person", logged.getString("objectType"));
        assertTrue(logged.getString("detail").contains("statements 4"), logged.getString("detail"));
        assertFalse(logged.toString().contains("Testa"));

        // a second erasure is a clear error
        HttpResponse<String> again = erase(person.personId(), ADMIN, "{\"reference\": \"Dnr 2026/0043\", \"reason\": \"x\"}");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(json(again.body()).getString("detail").contains("already erased"), again.body());
        assertTrue(json(again.body()).getString("detail").contains("Dnr 2026/0042"), again.body());
    }

    @Test
    void aPersonDownloadsEverythingHeldAboutThemAndHrCanProduceIt() throws Exception {
        long demo = Accounts.demoOrganisation(server);
        Accounts.Made person = Accounts.person(server, demo, "LEARNER");
        Stored stored = storeLearningHistory(person);

        HttpResponse<byte[]> own = download("/api/people/me/data-export", person.auth());
        assertEquals(200, own.statusCode());
        assertEquals("application/zip", own.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(own.headers().firstValue("Content-Disposition").orElseThrow().contains(".zip"));
        Map<String, String> files = unzip(own.body());
        assertEquals(List.of("README.txt", "profile.json", "roles.json", "xapi-agents.json", "xapi-statements.json",
                "xapi-documents.json"), List.copyOf(files.keySet()));
        assertTrue(files.get("README.txt").contains("DINA UPPGIFTER"));
        assertTrue(files.get("README.txt").contains("YOUR DATA"));
        JsonObject profile = json(files.get("profile.json"));
        assertEquals(person.email(), profile.getString("email"));
        assertEquals("Testa", profile.getString("given_name"));
        assertEquals(person.username(), profile.getJsonObject("account").getString("username"));
        assertFalse(files.get("profile.json").contains("password"));
        assertEquals(Json.createArrayBuilder().add("LEARNER").build(), Json.createReader(
                new StringReader(files.get("roles.json"))).readArray());
        JsonArray agents = Json.createReader(new StringReader(files.get("xapi-agents.json"))).readArray();
        assertTrue(agents.contains(stored.account()));
        JsonArray statements = Json.createReader(new StringReader(files.get("xapi-statements.json"))).readArray();
        assertEquals(4, statements.size());
        List<String> ids = statements.getValuesAs(JsonObject.class).stream()
                .map(s -> s.getJsonObject("statement").getString("id")).sorted().toList();
        assertEquals(List.of(stored.ids().get("answered"), stored.ids().get("completed"),
                stored.ids().get("experienced"), stored.ids().get("instructed")).stream().sorted().toList(), ids);
        JsonArray documents = Json.createReader(new StringReader(files.get("xapi-documents.json"))).readArray();
        assertEquals(2, documents.size());
        JsonObject state = documents.getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("kind").equals("state")).findFirst().orElseThrow();
        assertEquals("bookmark", state.getString("stateId"));
        assertEquals(3, state.getJsonObject("content").getInt("page"));

        // HR and the administrator produce it for a person of their organisation; a learner may not
        assertEquals(200, download("/api/people/" + person.personId() + "/data-export", HR).statusCode());
        assertEquals(200, download("/api/people/" + person.personId() + "/data-export", ADMIN).statusCode());
        assertEquals(403, download("/api/people/" + person.personId() + "/data-export", LEARNER).statusCode());
        assertEquals(404, download("/api/people/999999999/data-export", HR).statusCode());

        JsonArray events = json(get("/api/audit?action=PERSONAL_DATA_EXPORTED", HR).body()).getJsonArray("events");
        long exports = events.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("objectId").equals(Long.toString(person.personId()))).count();
        assertEquals(3, exports);
    }

    @Test
    void anotherOrganisationNeitherExportsNorErasesAPersonAndSeesNoneOfItsAuditLog() throws Exception {
        long demo = Accounts.demoOrganisation(server);
        Accounts.Made person = Accounts.person(server, demo, "LEARNER");
        long other = Accounts.organisation(server, "Annan region");
        Accounts.Made otherAdmin = Accounts.person(server, other, "ADMIN", "HR");

        HttpResponse<byte[]> export = download("/api/people/" + person.personId() + "/data-export", otherAdmin.auth());
        assertEquals(404, export.statusCode());
        HttpResponse<String> erase = erase(person.personId(), otherAdmin.auth(),
                "{\"reference\": \"Dnr 1\", \"reason\": \"guess\"}");
        assertEquals(404, erase.statusCode(), erase.body());
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = " + person.personId()));

        // an erasure of organisation A is not readable by B
        Accounts.Made victim = Accounts.person(server, demo, "LEARNER");
        HttpResponse<String> done = erase(victim.personId(), ADMIN, "{\"reference\": \"Dnr 2\", \"reason\": \"r\"}");
        assertEquals(201, done.statusCode(), done.body());
        String erasurePath = java.net.URI.create(done.headers().firstValue("Location").orElseThrow()).getPath();
        assertEquals(404, get(erasurePath, otherAdmin.auth()).statusCode());
        assertEquals(403, get(erasurePath, HR).statusCode());

        JsonArray theirs = json(get("/api/audit?limit=200", otherAdmin.auth()).body()).getJsonArray("events");
        assertTrue(theirs.getValuesAs(JsonObject.class).stream().noneMatch(e ->
                e.getString("objectId", "").equals(Long.toString(person.personId()))
                        || e.getString("objectId", "").equals(Long.toString(victim.personId()))), theirs.toString());
    }

    @Test
    void anErasureNeedsAReferenceAndAReasonAndAnAdministrator() throws Exception {
        long demo = Accounts.demoOrganisation(server);
        Accounts.Made person = Accounts.person(server, demo, "LEARNER");
        for (String body : List.of("{\"reason\": \"r\"}", "{\"reference\": \"Dnr 3\"}",
                "{\"reference\": \" \", \"reason\": \"r\"}", "{\"reference\": \"Dnr 3\", \"reason\": \"\"}",
                "{\"reference\": \"" + "x".repeat(101) + "\", \"reason\": \"r\"}", "{\"reference\": 3",
                "")) {
            HttpResponse<String> refused = erase(person.personId(), ADMIN, body);
            assertEquals(400, refused.statusCode(), body + " -> " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertFalse(refused.body().contains("Exception"), refused.body());
        }
        assertEquals(403, erase(person.personId(), HR, "{\"reference\": \"Dnr 3\", \"reason\": \"r\"}").statusCode());
        assertEquals(403, erase(person.personId(), LEARNER, "{\"reference\": \"Dnr 3\", \"reason\": \"r\"}")
                .statusCode());
        assertEquals(404, erase(999999999L, ADMIN, "{\"reference\": \"Dnr 3\", \"reason\": \"r\"}").statusCode());
        // nothing was written by any of them
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = " + person.personId()));
        assertEquals(0, count("SELECT COUNT(*) FROM person_erasure WHERE person_id = " + person.personId()));
        // an administrator cannot erase themselves
        Accounts.Made admin = Accounts.person(server, demo, "ADMIN");
        HttpResponse<String> self = erase(admin.personId(), admin.auth(), "{\"reference\": \"Dnr 4\", \"reason\": \"r\"}");
        assertEquals(409, self.statusCode(), self.body());
    }

    @Test
    void aManagerIsErasedAndThePeopleTheyManagedKeepTheirRecords() throws Exception {
        long demo = Accounts.demoOrganisation(server);
        Accounts.Made manager = Accounts.person(server, demo, "MANAGER");
        Accounts.Made employee = Accounts.person(server, demo, "LEARNER");
        try (Connection c = TestDatabase.shared().connect(server.schema()); Statement sql = c.createStatement()) {
            sql.executeUpdate("UPDATE person SET manager_id = " + manager.personId() + " WHERE id = "
                    + employee.personId());
            sql.executeUpdate("INSERT INTO account_managed_unit (account_id, unit_id) SELECT " + manager.accountId()
                    + ", MIN(id) FROM unit WHERE organisation_id = " + demo);
            sql.executeUpdate("INSERT INTO password_token (account_id, token_hash) VALUES (" + manager.accountId()
                    + ", '" + "a".repeat(64) + "')");
        }
        HttpResponse<String> erased = erase(manager.personId(), ADMIN, "{\"reference\": \"Dnr 7\", \"reason\": \"r\"}");
        assertEquals(201, erased.statusCode(), erased.body());
        assertEquals(0, count("SELECT COUNT(*) FROM person WHERE id = " + manager.personId()));
        assertEquals(0, count("SELECT COUNT(*) FROM account_managed_unit WHERE account_id = " + manager.accountId()));
        assertEquals(0, count("SELECT COUNT(*) FROM password_token WHERE account_id = " + manager.accountId()));
        assertEquals(1, count("SELECT COUNT(*) FROM person WHERE id = " + employee.personId()
                + " AND manager_id IS NULL"));
    }

    @Test
    void anErasureThatStoppedHalfWayIsCarriedOnByTheSamePost() throws Exception {
        long demo = Accounts.demoOrganisation(server);
        Accounts.Made person = Accounts.person(server, demo, "LEARNER");
        JsonObject mbox = Json.createObjectBuilder().add("mbox", "mailto:" + person.email()).build();
        String id = UUID.randomUUID().toString();
        HttpResponse<String> posted = server.send(xapiRequest("/xapi/statements").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("id", id)
                .add("actor", mbox).add("verb", verb("attempted")).add("object", Json.createObjectBuilder()
                        .add("id", "https://courses.example/audit-it/a2")).build().toString())).build());
        assertEquals(200, posted.statusCode(), posted.body());
        // the state a server stopped in after the decision's transaction: record and keys there, person gone,
        // statements not yet rewritten
        long admin = count("SELECT id FROM account WHERE username = 'admin'");
        byte[] key = java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(("mbox:mailto:"
                + person.email().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)), 16);
        try (Connection c = TestDatabase.shared().connect(server.schema())) {
            long erasure;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_erasure (organisation_id, person_id,"
                    + " decided_by_account_id, reference, reason, pseudonym, decided_ms) VALUES (?, ?, ?, 'Dnr 2026/7',"
                    + " 'avbrutet', ?, 0)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, demo);
                ps.setLong(2, person.personId());
                ps.setLong(3, admin);
                ps.setString(4, UUID.randomUUID().toString());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    erasure = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO person_erasure_key (erasure_id, key_hash) VALUES (?, ?)")) {
                ps.setLong(1, erasure);
                ps.setBytes(2, key);
                ps.executeUpdate();
            }
            for (String sql : List.of("DELETE FROM account_role WHERE account_id = " + person.accountId(),
                    "DELETE FROM account WHERE id = " + person.accountId(),
                    "DELETE FROM person WHERE id = " + person.personId())) {
                c.createStatement().executeUpdate(sql);
            }
        }
        assertEquals(1, statements("agent=" + param(mbox)).size());

        HttpResponse<String> resumed = erase(person.personId(), ADMIN, "{\"reference\": \"Dnr 2026/8\", \"reason\": \"igen\"}");
        assertEquals(200, resumed.statusCode(), resumed.body());
        JsonObject record = json(resumed.body());
        assertEquals("Dnr 2026/7", record.getString("reference"), "the earlier decision is carried on");
        assertEquals(1, record.getInt("statementsRewritten"));
        assertNotNull(record.getString("completedAt"));
        assertEquals(0, statements("agent=" + param(mbox)).size());
        assertEquals(pseudonym(person.personId()), statement(id).getJsonObject("actor"));
        // and now it is complete, a further POST is the clear error
        assertEquals(409, erase(person.personId(), ADMIN, "{\"reference\": \"Dnr 2026/9\", \"reason\": \"x\"}")
                .statusCode());
    }

    // --- storing the person's learning history through /xapi

    private Stored storeLearningHistory(Accounts.Made person) throws Exception {
        HttpResponse<String> agentResponse = get("/api/people/me/agent", person.auth());
        assertEquals(200, agentResponse.statusCode(), agentResponse.body());
        JsonObject account = json(agentResponse.body());
        assertEquals("Agent", account.getString("objectType"));
        assertEquals(36, account.getJsonObject("account").getString("name").length());
        assertEquals(account, json(get("/api/people/me/agent", person.auth()).body()), "the agent is stable");
        JsonObject mbox = Json.createObjectBuilder().add("objectType", "Agent")
                .add("mbox", "mailto:" + person.email()).add("name", "Testa Testsson").build();
        JsonObject sha1 = Json.createObjectBuilder().add("mbox_sha1sum", sha1Hex("mailto:" + person.email()
                .toLowerCase(Locale.ROOT))).build();
        JsonObject colleague = Json.createObjectBuilder().add("mbox", "mailto:kollega@example.se").build();
        Map<String, String> ids = new HashMap<>();
        for (String name : List.of("completed", "answered", "instructed", "experienced", "unrelated")) {
            ids.put(name, UUID.randomUUID().toString());
        }
        JsonObject activity = Json.createObjectBuilder().add("id", "https://courses.example/audit-it/a1").build();
        String statements = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", ids.get("completed")).add("actor", account)
                        .add("verb", verb("completed")).add("object", activity)
                        .add("result", Json.createObjectBuilder().add("success", true)
                                .add("score", Json.createObjectBuilder().add("scaled", 0.9))))
                .add(Json.createObjectBuilder().add("id", ids.get("instructed")).add("actor", colleague)
                        .add("verb", verb("completed")).add("object", activity)
                        .add("context", Json.createObjectBuilder().add("instructor", account)))
                .add(Json.createObjectBuilder().add("id", ids.get("experienced")).add("actor", sha1)
                        .add("verb", verb("experienced")).add("object", activity))
                .add(Json.createObjectBuilder().add("id", ids.get("unrelated")).add("actor", colleague)
                        .add("verb", verb("experienced")).add("object", activity))
                .build().toString();
        HttpResponse<String> posted = server.send(xapiRequest("/xapi/statements")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(statements)).build());
        assertEquals(200, posted.statusCode(), posted.body());

        // a free-text answer with an attachment, as multipart/mixed (xAPI 1.0.3 Communication 1.5.2)
        byte[] content = ("Anteckningar av " + person.email()).getBytes(StandardCharsets.UTF_8);
        String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        String answered = Json.createObjectBuilder().add("id", ids.get("answered")).add("actor", mbox)
                .add("verb", verb("answered"))
                .add("object", Json.createObjectBuilder().add("id", "https://courses.example/audit-it/q1")
                        .add("definition", Json.createObjectBuilder().add("interactionType", "fill-in")))
                .add("result", Json.createObjectBuilder().add("success", true).add("response", "Jag heter Testa"))
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("usageType", "http://id.tincanapi.com/attachment/supporting_media")
                        .add("display", Json.createObjectBuilder().add("sv-SE", "Anteckningar"))
                        .add("contentType", "text/plain").add("length", content.length).add("sha2", sha2)))
                .build().toString();
        String boundary = "audit-it-boundary";
        byte[] multipart = ("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + answered + "\r\n--"
                + boundary + "\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
                + "X-Experience-API-Hash: " + sha2 + "\r\n\r\n" + new String(content, StandardCharsets.UTF_8)
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> withAttachment = server.send(xapiRequest("/xapi/statements")
                .header("Content-Type", "multipart/mixed; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build());
        assertEquals(200, withAttachment.statusCode(), withAttachment.body());
        assertEquals(1, count("SELECT COUNT(*) FROM xapi_attachment WHERE sha2 = '" + sha2 + "'"));

        HttpResponse<String> state = server.send(xapiRequest("/xapi/activities/state?activityId="
                + param("https://courses.example/audit-it/a1") + "&agent=" + param(account) + "&stateId=bookmark")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"page\": 3}")).build());
        assertEquals(204, state.statusCode(), state.body());
        HttpResponse<String> profile = server.send(xapiRequest("/xapi/agents/profile?agent=" + param(mbox)
                + "&profileId=prefs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"language\": \"sv\"}")).build());
        assertEquals(204, profile.statusCode(), profile.body());

        // before any erasure, the LRS finds the person under each identity
        assertEquals(1, statements("agent=" + param(account)).size());
        assertEquals(2, statements("agent=" + param(account) + "&related_agents=true").size());
        assertEquals(1, statements("agent=" + param(mbox)).size());
        return new Stored(person, account, mbox, sha1, ids, sha2);
    }

    private static JsonObject verb(String name) {
        return Json.createObjectBuilder().add("id", "http://adlnet.gov/expapi/verbs/" + name).build();
    }

    // --- helpers

    private HttpRequest.Builder xapiRequest(String path) {
        return server.request(path).header("Authorization", LmsServer.xapiBasicAuth())
                .header("X-Experience-API-Version", "1.0.3");
    }

    private HttpResponse<String> xapi(String path) throws IOException {
        return server.send(xapiRequest(path).build());
    }

    private JsonArray statements(String query) throws IOException {
        HttpResponse<String> response = xapi("/xapi/statements?" + query);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).getJsonArray("statements");
    }

    private JsonObject statement(String id) throws IOException {
        HttpResponse<String> response = xapi("/xapi/statements?statementId=" + id);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    private JsonObject pseudonym(long personId) throws Exception {
        try (Connection c = TestDatabase.shared().connect(server.schema());
                PreparedStatement ps = c.prepareStatement("SELECT pseudonym FROM person_erasure WHERE person_id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return Json.createObjectBuilder().add("objectType", "Agent").add("account", Json.createObjectBuilder()
                        .add("homePage", "https://digikomp.se/pseudonym").add("name", rs.getString(1))).build();
            }
        }
    }

    private HttpResponse<String> erase(long personId, String auth, String body) throws IOException {
        return server.send(server.request("/api/people/" + personId + "/erasure").header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String path, String auth) throws IOException {
        return server.send(server.request(path).header("Authorization", auth).build());
    }

    private HttpResponse<byte[]> download(String path, String auth) throws Exception {
        return http.send(server.request(path).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private long count(String sql) throws Exception {
        try (Connection c = TestDatabase.shared().connect(server.schema());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static String param(JsonValue value) {
        return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String sha1Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
