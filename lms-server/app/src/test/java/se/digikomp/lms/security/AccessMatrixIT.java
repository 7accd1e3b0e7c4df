package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.PageClient;
import se.digikomp.lms.testing.TestDatabase;

/**
 * Who reaches which endpoint and page. The endpoints are read from the server's own registrations (every JAX-RS
 * method is in its OpenAPI document; every Facelets file of the WAR is a page), so an endpoint or page added
 * without a rule in {@link #RULES} or {@link #PAGES} fails {@link #everyRegisteredEndpointHasARule()} or
 * {@link #everyPageOfTheWarHasARule()}. For every rule and every demo role the answer is asserted:
 * 401 without credentials (unless the rule admits anonymous callers), 403 for a role the rule does not admit, and for an admitted role an answer that is
 * neither refused nor an error. Every endpoint that takes an id is then called by every role of organisation A
 * (Demokommunen) with the ids of objects of an organisation B that the test makes: the answer is 403 or 404,
 * B's objects are unchanged, and no answer of the whole test mentions anything of B.
 */
@ExtendWith(LmsServer.class)
class AccessMatrixIT {

    /** The demo accounts of organisation A, and the anonymous caller. */
    enum Who {
        ANONYMOUS(null), LEARNER("learner"), MANAGER("manager"), HR("hr"), AUTHOR("author"), ADMIN("admin"),
        PLATFORM("platform");

        final String username;

        Who(String username) {
            this.username = username;
        }

        String authorization() {
            return LmsServer.basicAuth(username, "demo-" + username);
        }
    }

    /** Objects an endpoint's path or body refers to by id; each exists in A and in B. */
    enum Kind { UNIT, LRS_CLIENT, PERSON, ERASURE, ORGANISATION, COURSE_VERSION }

    private static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
    private static final Set<Who> ADMINS = EnumSet.of(Who.ADMIN);
    private static final Set<Who> HR_AND_ADMINS = EnumSet.of(Who.HR, Who.ADMIN);
    /** Everyone who works in the organisation (the platform administrator manages organisations, not their units). */
    private static final Set<Who> STAFF = EnumSet.of(Who.LEARNER, Who.MANAGER, Who.HR, Who.AUTHOR, Who.ADMIN);
    private static final Set<Who> PEOPLE_READERS = EnumSet.of(Who.MANAGER, Who.HR, Who.ADMIN);
    private static final Set<Who> PLATFORM = EnumSet.of(Who.PLATFORM);
    private static final String PERSON = "{\"givenName\": \"Matris\", \"familyName\": \"Person %n\"}";
    private static final Set<Who> AUTHORS_AND_ADMINS = EnumSet.of(Who.AUTHOR, Who.ADMIN);
    /**
     * Every name and label of organisation B's objects starts with this; no answer to an A caller may contain it.
     * (The organisation's own name is public: the sign-in page offers each organisation's identity provider.)
     */
    private static final String B_MARK = "Matrisorganisationen";

    /**
     * The rules: method, path as the OpenAPI document writes it, the roles admitted, the kind of object each
     * path parameter names, and a body for writes (a valid one, so an admitted role gets past validation).
     */
    private static final List<Rule> RULES = List.of(
            Rule.of("GET", "/api/accounts/me", SIGNED_IN),
            Rule.of("GET", "/api/organisations/current", SIGNED_IN),
            Rule.of("GET", "/api/units", STAFF),
            Rule.of("GET", "/api/units/{id}", STAFF).param("id", Kind.UNIT),
            Rule.of("PATCH", "/api/units/{id}", ADMINS).param("id", Kind.UNIT)
                    .body("{\"name\": \"Matris A enhet\"}"),
            Rule.of("PUT", "/api/units/{id}/parent", ADMINS).param("id", Kind.UNIT).body("{\"parentId\": null}")
                    .foreignBody("{\"parentId\": %UNIT%}"),
            Rule.of("GET", "/api/organisations", PLATFORM),
            Rule.of("GET", "/api/organisations/{id}", PLATFORM).param("id", Kind.ORGANISATION).platformWide(),
            Rule.of("POST", "/api/organisations", PLATFORM).body("{}"),
            Rule.of("PATCH", "/api/organisations/{id}", PLATFORM).param("id", Kind.ORGANISATION).body("{}")
                    .platformWide(),
            Rule.of("GET", "/api/people", PEOPLE_READERS),
            Rule.of("GET", "/api/people/{id}", PEOPLE_READERS).param("id", Kind.PERSON),
            Rule.of("POST", "/api/people", ADMINS).body(PERSON)
                    .foreignBody("{\"givenName\": \"Matris\", \"familyName\": \"X\", \"unitId\": %UNIT%}"),
            Rule.of("PUT", "/api/people/{id}", ADMINS).param("id", Kind.PERSON)
                    .body("{\"givenName\": \"Matris A person\", \"familyName\": \"Matris\"}")
                    .foreignBody("{\"givenName\": \"Matris\", \"familyName\": \"X\"}"),
            Rule.of("GET", "/api/people/{id}/roles", ADMINS).param("id", Kind.PERSON),
            Rule.of("PUT", "/api/people/{id}/roles/{role}", ADMINS).param("id", Kind.PERSON).constant("role", "AUTHOR"),
            Rule.of("DELETE", "/api/people/{id}/roles/{role}", ADMINS).param("id", Kind.PERSON)
                    .constant("role", "AUTHOR"),
            Rule.of("PUT", "/api/people/{id}/managed-units/{unitId}", ADMINS).param("id", Kind.PERSON)
                    .param("unitId", Kind.UNIT),
            Rule.of("DELETE", "/api/people/{id}/managed-units/{unitId}", ADMINS).param("id", Kind.PERSON)
                    .param("unitId", Kind.UNIT),
            // a dry run: an admitted caller's file is checked and nothing is written
            Rule.of("POST", "/api/people/import", ADMINS).query("dryRun=true").contentType("text/csv")
                    .body("employee_number;given_name;family_name\nM-1;Matris;Import\n"),
            Rule.of("POST", "/api/set-password", EVERYONE).body("{\"token\": \"not-a-token\", \"password\": \"x\"}"),
            Rule.of("POST", "/api/units", ADMINS).body("{\"name\": \"Matrisenhet %n\"}")
                    .foreignBody("{\"name\": \"Matrisenhet\", \"parentId\": %UNIT%}"),
            Rule.of("GET", "/api/lrs-clients", ADMINS),
            Rule.of("POST", "/api/lrs-clients", ADMINS)
                    .body("{\"label\": \"Matrisklient %n\", \"scopes\": [\"statements/read/mine\"]}"),
            Rule.of("PATCH", "/api/lrs-clients/{id}", ADMINS).param("id", Kind.LRS_CLIENT)
                    .body("{\"label\": \"Matrisklient ändrad %n\"}"),
            Rule.of("DELETE", "/api/lrs-clients/{id}", ADMINS).param("id", Kind.LRS_CLIENT),
            Rule.of("GET", "/api/organisations/current/oidc", ADMINS),
            Rule.of("PUT", "/api/organisations/current/oidc", ADMINS).body("{\"enabled\": false}"),
            Rule.of("DELETE", "/api/organisations/current/oidc", ADMINS),
            Rule.of("GET", "/api/audit", HR_AND_ADMINS),
            Rule.of("GET", "/api/erasures/{id}", ADMINS).param("id", Kind.ERASURE),
            Rule.of("GET", "/api/people/me/agent", SIGNED_IN),
            Rule.of("GET", "/api/people/me/data-export", SIGNED_IN),
            Rule.of("GET", "/api/people/{id}/data-export", HR_AND_ADMINS).param("id", Kind.PERSON),
            // an admitted caller is stopped by validation (no decision recorded), so the test erases nobody of A;
            // with B's person and a complete decision it must be refused, and B's person stays
            Rule.of("POST", "/api/people/{id}/erasure", ADMINS).param("id", Kind.PERSON).body("{}")
                    .foreignBody("{\"reference\": \"Matris 1\", \"reason\": \"matrix test\"}"),
            // without a body and Content-Digest an admitted caller gets 400 (CoursePackagesIT imports real zips)
            Rule.of("POST", "/api/course-packages", AUTHORS_AND_ADMINS),
            Rule.of("GET", "/api/courses", SIGNED_IN),
            Rule.of("GET", "/api/course-versions/{id}", SIGNED_IN).param("id", Kind.COURSE_VERSION),
            Rule.of("POST", "/api/course-versions/{id}/withdrawal", AUTHORS_AND_ADMINS)
                    .param("id", Kind.COURSE_VERSION));

    /**
     * The pages: every Facelets file outside WEB-INF in the WAR is a page at its path without the extension.
     * A visitor who is not signed in is sent to the sign-in page from a page that is not public.
     */
    private static final List<Rule> PAGES = List.of(
            Rule.of("GET", "/index", EVERYONE),
            Rule.of("GET", "/accessibility", EVERYONE),
            Rule.of("GET", "/error", EVERYONE),
            Rule.of("GET", "/expired", EVERYONE),
            Rule.of("GET", "/login", EVERYONE),
            Rule.of("GET", "/profile", SIGNED_IN),
            Rule.of("GET", "/oidc/refused", EVERYONE),
            Rule.of("GET", "/audit/log", HR_AND_ADMINS),
            Rule.of("GET", "/privacy/my-data", SIGNED_IN),
            Rule.of("GET", "/privacy/person", HR_AND_ADMINS));

    private static final LmsServer.Instance SERVER = LmsServer.shared();
    private static final Map<Kind, Long> OWN = new LinkedHashMap<>();
    private static final Map<Kind, Long> FOREIGN = new LinkedHashMap<>();
    private static int counter;

    @BeforeAll
    static void makeObjectsInBothOrganisations() throws SQLException {
        try (Connection db = TestDatabase.shared().connect(SERVER.schema())) {
            long a = scalar(db, "SELECT id FROM organisation WHERE slug = 'demo'");
            long b = insert(db, "INSERT INTO organisation (slug, name) VALUES ('matris-b', 'Matriskommunen')");
            OWN.put(Kind.ORGANISATION, a);
            FOREIGN.put(Kind.ORGANISATION, b);
            for (Map.Entry<Long, Map<Kind, Long>> side : Map.of(a, OWN, b, FOREIGN).entrySet()) {
                String prefix = side.getKey() == b ? B_MARK + " " : "Matris A ";
                long unit = insert(db, "INSERT INTO unit (organisation_id, name) VALUES (" + side.getKey() + ", '"
                        + prefix + "enhet')");
                try (Statement sql = db.createStatement()) { // a top unit's materialised path (V16)
                    sql.executeUpdate("UPDATE unit SET path = '/" + unit + "/' WHERE id = " + unit);
                }
                side.getValue().put(Kind.UNIT, unit);
                side.getValue().put(Kind.LRS_CLIENT, insert(db, "INSERT INTO lrs_client (organisation_id, client_key,"
                        + " secret_salt, secret_hash, scopes, label) VALUES (" + side.getKey() + ", 'matris-"
                        + side.getKey() + "', 'x', 'x', 'statements/read/mine', '" + prefix + "klient')"));
                // in A, the person works in the unit the demo manager manages and has an account (roles are granted
                // to accounts); in B, in B's unit
                long personUnit = side.getKey() == b ? unit : scalar(db, "SELECT m.unit_id FROM account_managed_unit m"
                        + " JOIN account a ON a.id = m.account_id WHERE a.username = 'manager' LIMIT 1");
                long person = insert(db, "INSERT INTO person (organisation_id, unit_id, given_name, family_name, email)"
                        + " VALUES (" + side.getKey() + ", " + personUnit + ", '" + prefix + "person', 'Matris',"
                        + " 'matris-" + side.getKey() + "@kommun.example')");
                insert(db, "INSERT INTO account (person_id, username, password_salt, password_hash) VALUES (" + person
                        + ", 'matris-" + person + "', 'x', 'x')");
                side.getValue().put(Kind.PERSON, person);
                side.getValue().put(Kind.ERASURE, insert(db, "INSERT INTO person_erasure (organisation_id, person_id,"
                        + " decided_by_account_id, reference, reason, pseudonym, decided_ms, completed_ms) VALUES ("
                        + side.getKey() + ", 999999, 1, '" + prefix + "beslut', 'matrix', UUID(), 0, 0)"));
                long course = insert(db, "INSERT INTO course (organisation_id, identifier, identifier_sha256) VALUES ("
                        + side.getKey() + ", 'urn:matris:" + side.getKey() + "', UNHEX(SHA2('urn:matris:"
                        + side.getKey() + "', 256)))");
                side.getValue().put(Kind.COURSE_VERSION, insert(db, "INSERT INTO course_version (course_id,"
                        + " version_number, format, title, metadata, package_sha256, package_bytes) VALUES (" + course
                        + ", 1, 'web', '" + prefix + "kurs', '{\"titles\":{\"sv\":\"" + prefix + "kurs\"},"
                        + "\"descriptions\":{},\"languages\":[],\"competences\":[],\"objectives\":[]}',"
                        + " UNHEX(SHA2('x', 256)), 0)"));
            }
        }
    }

    @Test
    void everyRegisteredEndpointHasARule() throws Exception {
        Set<String> registered = new TreeSet<>();
        HttpResponse<String> openapi = SERVER.send(SERVER.request("/openapi").header("Accept", "application/json")
                .build());
        assertEquals(200, openapi.statusCode());
        JsonObject paths = Json.createReader(new StringReader(openapi.body())).readObject().getJsonObject("paths");
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                registered.add(method.toUpperCase() + " " + path);
            }
        }
        Set<String> ruled = new TreeSet<>();
        RULES.forEach(r -> ruled.add(r.method + " " + r.path));
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(ruled);
        assertTrue(missing.isEmpty(), "endpoints without an access rule in AccessMatrixIT.RULES: " + missing);
        Set<String> stale = new TreeSet<>(ruled);
        stale.removeAll(registered);
        assertTrue(stale.isEmpty(), "rules for endpoints the server does not have: " + stale);
    }

    @Test
    void everyPageOfTheWarHasARule() throws Exception {
        Set<String> pages = new TreeSet<>();
        try (ZipFile war = new ZipFile(System.getProperty("lms.test.war", "target/lms-app.war"))) {
            war.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".xhtml") && !n.startsWith("WEB-INF/") && !n.startsWith("META-INF/"))
                    .forEach(n -> pages.add("GET /" + n.substring(0, n.length() - ".xhtml".length())));
        }
        assertFalse(pages.isEmpty(), "no Facelets pages found in the WAR");
        Set<String> ruled = new TreeSet<>();
        PAGES.forEach(r -> ruled.add(r.method + " " + r.path));
        Set<String> missing = new TreeSet<>(pages);
        missing.removeAll(ruled);
        assertTrue(missing.isEmpty(), "pages without an access rule in AccessMatrixIT.PAGES: " + missing);
        Set<String> stale = new TreeSet<>(ruled);
        stale.removeAll(pages);
        assertTrue(stale.isEmpty(), "rules for pages the WAR does not have: " + stale);
    }

    @Test
    void eachRoleSeesThePagesItsRuleSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : PAGES) {
            for (Who who : Who.values()) {
                HttpResponse<String> answer = page(rule.path, who);
                int status = answer.statusCode();
                String location = answer.headers().firstValue("Location").orElse("");
                String expected;
                boolean right;
                if (rule.allowed.contains(who)) {
                    expected = "200";
                    right = status == 200;
                } else if (who == Who.ANONYMOUS) {
                    expected = "a redirect to /login";
                    right = (status == 302 || status == 303) && location.contains("/login");
                } else {
                    expected = "403";
                    right = status == 403;
                }
                if (!right) {
                    wrong.add("page " + rule.path + " as " + who + ": " + status + " " + location + ", expected "
                            + expected);
                }
                assertNothingOfB(rule, who, answer);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void eachRoleGetsTheAnswerItsRuleSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : RULES) {
            for (Who who : Who.values()) {
                HttpResponse<String> answer = call(rule, who, OWN, rule.body);
                int status = answer.statusCode();
                String expected;
                boolean right;
                if (rule.allowed.contains(who)) {
                    expected = "admitted (2xx/3xx, or 400/409 from the endpoint's own checks)";
                    right = status < 300 || status == 400 || status == 409;
                } else if (who == Who.ANONYMOUS) {
                    expected = "401";
                    right = status == 401;
                } else {
                    expected = "403";
                    right = status == 403;
                }
                if (!right) {
                    wrong.add(rule.method + " " + rule.path + " as " + who + ": " + status + ", expected " + expected
                            + " (" + abbreviate(answer.body()) + ")");
                }
                assertNothingOfB(rule, who, answer);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void objectsOfAnotherOrganisationAreNotFoundAndStayUnchanged() throws Exception {
        String before = organisationB();
        List<String> wrong = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.params.isEmpty() && rule.foreignBody == null) {
                continue;
            }
            for (Who who : SIGNED_IN) {
                if (rule.platformWide && rule.allowed.contains(who)) {
                    continue; // the platform administrator's own job spans organisations
                }
                String body = rule.foreignBody != null ? fill(rule.foreignBody, FOREIGN) : rule.body;
                HttpResponse<String> answer = call(rule, who, FOREIGN, body);
                int status = answer.statusCode();
                boolean refused = rule.allowed.contains(who)
                        ? status == 404 || (rule.params.isEmpty() && status == 400)
                        : status == 403 || status == 404;
                if (!refused) {
                    wrong.add(rule.method + " " + rule.path + " as " + who + " with B's ids: " + status + " ("
                            + abbreviate(answer.body()) + ")");
                }
                assertNothingOfB(rule, who, answer);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(before, organisationB(), "organisation B changed through organisation A's callers");
    }

    @Test
    void queryParametersNamingAnotherOrganisationChangeNothing() throws Exception {
        long b;
        try (Connection db = TestDatabase.shared().connect(SERVER.schema())) {
            b = scalar(db, "SELECT id FROM organisation WHERE slug = 'matris-b'");
        }
        String manipulated = "organisationId=" + b + "&organisation=" + b + "&org=matris-b&unitId="
                + FOREIGN.get(Kind.UNIT) + "&all=true";
        for (Rule rule : RULES) {
            if (!rule.method.equals("GET")) {
                continue;
            }
            for (Who who : SIGNED_IN) {
                String path = fillPath(rule, OWN) + "?" + manipulated;
                HttpResponse<String> answer = SERVER.send(SERVER.request(path)
                        .header("Authorization", who.authorization()).build());
                assertTrue(answer.statusCode() < 500, path + " as " + who + ": " + answer.statusCode());
                assertNothingOfB(rule, who, answer);
            }
        }
    }

    /** Pages take no Basic credentials: each role signs in once through /login and keeps its session. */
    private static final Map<Who, PageClient> SESSIONS = new java.util.EnumMap<>(Who.class);

    private static HttpResponse<String> page(String path, Who who) throws Exception {
        if (who == Who.ANONYMOUS) {
            return SERVER.send(SERVER.request(path).build());
        }
        PageClient client = SESSIONS.get(who);
        if (client == null) {
            client = new PageClient(SERVER, "sv");
            assertEquals(302, client.signIn(who.username, "demo-" + who.username, null).statusCode(), who.username);
            SESSIONS.put(who, client);
        }
        return client.get(path);
    }

    private static HttpResponse<String> call(Rule rule, Who who, Map<Kind, Long> ids, String body) throws Exception {
        HttpRequest.Builder request = SERVER.request(fillPath(rule, ids)
                + (rule.query == null ? "" : "?" + rule.query));
        if (who != Who.ANONYMOUS) {
            request.header("Authorization", who.authorization());
        }
        if (body != null) {
            request.header("Content-Type", rule.contentType);
            request.method(rule.method, HttpRequest.BodyPublishers.ofString(body.replace("%n", "" + (++counter))));
        } else {
            request.method(rule.method, HttpRequest.BodyPublishers.noBody());
        }
        return SERVER.send(request.build());
    }

    private static String fillPath(Rule rule, Map<Kind, Long> ids) {
        String path = rule.path;
        for (Map.Entry<String, String> constant : rule.constants.entrySet()) {
            path = path.replace("{" + constant.getKey() + "}", constant.getValue());
        }
        for (Map.Entry<String, Kind> param : rule.params.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", Long.toString(ids.get(param.getValue())));
        }
        if (path.contains("{")) {
            fail("rule " + rule.method + " " + rule.path + " leaves a path parameter without a kind");
        }
        return path;
    }

    private static String fill(String template, Map<Kind, Long> ids) {
        Matcher m = Pattern.compile("%([A-Z_]+)%").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Long.toString(ids.get(Kind.valueOf(m.group(1)))));
        }
        return m.appendTail(out).toString();
    }

    private static void assertNothingOfB(Rule rule, Who who, HttpResponse<String> answer) {
        assertFalse(answer.body().contains(B_MARK), rule.method + " " + rule.path + " as " + who
                + " answered something of organisation B: " + abbreviate(answer.body()));
        assertTrue(answer.statusCode() < 500, rule.method + " " + rule.path + " as " + who + ": "
                + answer.statusCode() + " " + abbreviate(answer.body()));
    }

    /** Everything of organisation B the endpoints could change, as one string to compare before and after. */
    private static String organisationB() throws SQLException {
        StringBuilder state = new StringBuilder();
        try (Connection db = TestDatabase.shared().connect(SERVER.schema()); Statement sql = db.createStatement()) {
            for (String query : List.of(
                    "SELECT u.id, u.name, u.parent_id, u.code FROM unit u JOIN organisation o"
                            + " ON o.id = u.organisation_id WHERE o.slug = 'matris-b' ORDER BY u.id",
                    "SELECT c.id, c.label, c.scopes, c.active FROM lrs_client c JOIN organisation o"
                            + " ON o.id = c.organisation_id WHERE o.slug = 'matris-b' ORDER BY c.id",
                    "SELECT p.id, p.given_name, p.family_name, p.email FROM person p JOIN organisation o"
                            + " ON o.id = p.organisation_id WHERE o.slug = 'matris-b' ORDER BY p.id",
                    "SELECT e.id, e.reference, e.completed_ms FROM person_erasure e JOIN organisation o"
                            + " ON o.id = e.organisation_id WHERE o.slug = 'matris-b' ORDER BY e.id",
                    "SELECT v.id, v.title, v.withdrawn_at FROM course_version v JOIN course c ON c.id = v.course_id"
                            + " JOIN organisation o ON o.id = c.organisation_id WHERE o.slug = 'matris-b' ORDER BY v.id",
                    "SELECT COUNT(*) FROM unit WHERE parent_id IN (SELECT u.id FROM unit u JOIN organisation o"
                            + " ON o.id = u.organisation_id WHERE o.slug = 'matris-b')")) {
                try (ResultSet rows = sql.executeQuery(query)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            state.append(rows.getString(i)).append('|');
                        }
                        state.append('\n');
                    }
                }
            }
        }
        return state.toString();
    }

    private static long scalar(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getLong(1);
        }
    }

    private static long insert(Connection db, String insert) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            sql.executeUpdate();
            try (ResultSet key = sql.getGeneratedKeys()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    /** An endpoint and who it admits. */
    static final class Rule {
        final String method;
        final String path;
        final Set<Who> allowed;
        final Map<String, Kind> params = new LinkedHashMap<>();
        final Map<String, String> constants = new LinkedHashMap<>();
        String body;
        String foreignBody;
        String query;
        String contentType = "application/json";
        boolean platformWide;

        private Rule(String method, String path, Set<Who> allowed) {
            this.method = method;
            this.path = path;
            this.allowed = allowed;
        }

        static Rule of(String method, String path, Set<Who> allowed) {
            return new Rule(method, path, allowed);
        }

        Rule param(String name, Kind kind) {
            params.put(name, kind);
            return this;
        }

        /** A path parameter that is not an object of an organisation (a role name, say). */
        Rule constant(String name, String value) {
            constants.put(name, value);
            return this;
        }

        Rule query(String query) {
            this.query = query;
            return this;
        }

        Rule contentType(String type) {
            this.contentType = type;
            return this;
        }

        /** An endpoint whose admitted role works across organisations (the platform administrator's). */
        Rule platformWide() {
            this.platformWide = true;
            return this;
        }

        /** A valid body, so an admitted caller gets past the endpoint's validation. */
        Rule body(String json) {
            this.body = json;
            return this;
        }

        /** A body that names B's objects ({@code %KIND%}): an admitted caller of A must be refused with it. */
        Rule foreignBody(String json) {
            this.foreignBody = json;
            return this;
        }
    }
}
