package se.digikomp.lms.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;

/** The audit log over real HTTP: stored events, keyset pages, filters, roles and bad input. */
@ExtendWith(LmsServer.class)
class AuditIT {

    static final String HR = LmsServer.basicAuth("hr", "demo-hr");
    static final String ADMIN = LmsServer.basicAuth("admin", "demo-admin");

    final LmsServer.Instance server = LmsServer.shared();

    @Test
    void anExportIsLoggedWithWhoWhatWhichObjectWhenAndFromWhere() throws Exception {
        Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        JsonObject me = json(get("/api/accounts/me", ADMIN).body());
        assertEquals(200, get("/api/people/me/data-export", ADMIN).statusCode());
        JsonObject event = json(get("/api/audit?action=PERSONAL_DATA_EXPORTED&limit=1", HR).body())
                .getJsonArray("events").getJsonObject(0);
        assertEquals("PERSONAL_DATA_EXPORTED", event.getString("action"));
        assertEquals(me.getJsonNumber("accountId").longValue(), event.getJsonNumber("actorAccountId").longValue());
        assertEquals("person", event.getString("objectType"));
        assertEquals("127.0.0.1", event.getString("remoteAddress"));
        assertTrue(!Instant.parse(event.getString("occurredAt")).isBefore(before), event.toString());
        assertTrue(!event.toString().contains("admin"), "no username in the log: " + event);
    }

    @Test
    void pagesAreKeysetLinkedNewestFirstAndFiltered() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/api/people/me/data-export", HR).statusCode());
        }
        JsonObject first = json(get("/api/audit?action=PERSONAL_DATA_EXPORTED&limit=2", ADMIN).body());
        JsonArray events = first.getJsonArray("events");
        assertEquals(2, events.size());
        long newest = events.getJsonObject(0).getJsonNumber("id").longValue();
        long second = events.getJsonObject(1).getJsonNumber("id").longValue();
        assertTrue(newest > second);
        String next = first.getString("next");
        assertTrue(next.contains("before=" + second) && next.contains("action=PERSONAL_DATA_EXPORTED"), next);
        JsonObject page2 = json(get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery(), ADMIN)
                .body());
        long third = page2.getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue();
        assertTrue(third < second);

        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        JsonObject none = json(get("/api/audit?from=" + future, ADMIN).body());
        assertEquals(0, none.getJsonArray("events").size());
        assertFalse(none.containsKey("next"), "the last page has no next link");
        JsonObject until = json(get("/api/audit?to=" + future + "&limit=200", ADMIN).body());
        assertTrue(until.getJsonArray("events").size() >= 3, until.toString());
        Instant limit = Instant.parse(future);
        assertTrue(until.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .allMatch(e -> Instant.parse(e.getString("occurredAt")).isBefore(limit)));
        String since = first.getJsonArray("events").getJsonObject(1).getString("occurredAt");
        JsonArray recent = json(get("/api/audit?limit=200&from=" + since, ADMIN).body()).getJsonArray("events");
        assertTrue(recent.getValuesAs(JsonObject.class).stream()
                .noneMatch(e -> Instant.parse(e.getString("occurredAt")).isBefore(Instant.parse(since))));
        assertTrue(recent.getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("id").longValue() == newest));
    }

    @Test
    void onlyHrAndAdministratorsReadTheLog() throws Exception {
        assertEquals(403, get("/api/audit", LmsServer.basicAuth("learner", "demo-learner")).statusCode());
        assertEquals(403, get("/api/audit", LmsServer.basicAuth("manager", "demo-manager")).statusCode());
        assertEquals(403, get("/api/audit", LmsServer.basicAuth("author", "demo-author")).statusCode());
        assertEquals(401, server.send(server.request("/api/audit").build()).statusCode());
        assertEquals(200, get("/api/audit", HR).statusCode());
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() throws Exception {
        for (String[] bad : new String[][] {{"action=DELETE_EVERYTHING", "action"}, {"from=yesterday", "from"},
                {"to=2026-12-01", "to"}, {"before=abc", "before"}, {"limit=0", "limit"}, {"limit=201", "limit"},
                {"from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "from must be before to"}}) {
            HttpResponse<String> response = get("/api/audit?" + bad[0], HR);
            assertEquals(400, response.statusCode(), bad[0]);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertTrue(json(response.body()).getString("detail").startsWith(bad[1]), response.body());
        }
    }

    @Test
    void theLogCannotBeChangedThroughTheApi() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> response = server.send(server.request("/api/audit").header("Authorization", ADMIN)
                    .header("Content-Type", "application/json")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(405, response.statusCode(), method);
        }
        HttpResponse<String> one = server.send(server.request("/api/audit/1").header("Authorization", ADMIN)
                .DELETE().build());
        assertNotEquals(200, one.statusCode());
        assertNotEquals(204, one.statusCode());
    }

    private HttpResponse<String> get(String path, String auth) throws IOException {
        return server.send(server.request(path).header("Authorization", auth).build());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
