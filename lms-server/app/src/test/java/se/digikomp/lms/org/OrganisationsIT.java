package se.digikomp.lms.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;

/** The demo organisation as its accounts see it, and the start page. */
@ExtendWith(LmsServer.class)
class OrganisationsIT {

    private final LmsServer.Instance server = LmsServer.shared();

    private JsonObject getObject(String path, String user, String password) throws Exception {
        HttpResponse<String> response = server.send(server.request(path)
                .header("Authorization", LmsServer.basicAuth(user, password)).build());
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    void everyDemoAccountSignsInToDemokommunenWithItsRole() throws Exception {
        for (String role : new String[] {"learner", "manager", "hr", "author", "admin"}) {
            JsonObject me = getObject("/api/accounts/me", role, "demo-" + role);
            assertEquals(role, me.getString("username"));
            assertEquals(role.toUpperCase(), me.getJsonArray("roles").getString(0));
            JsonObject organisation = getObject("/api/organisations/current", role, "demo-" + role);
            assertEquals("Demokommunen", organisation.getString("name"));
            assertEquals(me.getJsonNumber("organisationId").longValue(), organisation.getJsonNumber("id").longValue());
        }
    }

    @Test
    void unitsFormATreeWithinTheOrganisation() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/units")
                .header("Authorization", LmsServer.basicAuth("hr", "demo-hr")).build());
        JsonArray units = Json.createReader(new StringReader(response.body())).readArray();
        JsonObject hemtjansten = units.getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("name").equals("Hemtjänsten Norr")).findFirst().orElseThrow();
        long parent = hemtjansten.getJsonNumber("parentId").longValue();
        assertTrue(units.getValuesAs(JsonObject.class).stream().anyMatch(u -> u.getJsonNumber("id").longValue()
                == parent && u.getString("name").equals("Socialförvaltningen")));
    }

    @Test
    void anAdministratorCreatesAUnitThatIsThenListed() throws Exception {
        String admin = LmsServer.basicAuth("admin", "demo-admin");
        HttpResponse<String> created = server.send(server.request("/api/units").header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Kulturförvaltningen\", \"code\": \"KUL\"}"))
                .build());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonObject unit = getObject(java.net.URI.create(location).getPath(), "admin", "demo-admin");
        assertEquals("Kulturförvaltningen", unit.getString("name"));
        assertEquals("KUL", unit.getString("code"));
    }

    @Test
    void anotherOrganisationsUnitIsNotFound() throws Exception {
        long foreignUnit;
        try (Connection db = TestDatabase.shared().connect(server.schema()); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO organisation (slug, name) VALUES ('other', 'Annan kommun')",
                    Statement.RETURN_GENERATED_KEYS);
            long organisation;
            try (ResultSet key = sql.getGeneratedKeys()) {
                key.next();
                organisation = key.getLong(1);
            }
            sql.executeUpdate("INSERT INTO unit (organisation_id, name) VALUES (" + organisation + ", 'Dold enhet')",
                    Statement.RETURN_GENERATED_KEYS);
            try (ResultSet key = sql.getGeneratedKeys()) {
                key.next();
                foreignUnit = key.getLong(1);
            }
        }
        HttpResponse<String> response = server.send(server.request("/api/units/" + foreignUnit)
                .header("Authorization", LmsServer.basicAuth("admin", "demo-admin")).build());
        assertEquals(404, response.statusCode());
        HttpResponse<String> list = server.send(server.request("/api/units")
                .header("Authorization", LmsServer.basicAuth("admin", "demo-admin")).build());
        assertTrue(!list.body().contains("Dold enhet"), list.body());
    }

    @Test
    void theStartPageNamesTheDemoOrganisationInSwedishFirst() throws Exception {
        HttpResponse<String> page = server.send(server.request("/").build());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().matches("(?s).*<html[^>]* lang=\"sv\".*"), page.body());
        assertTrue(page.body().contains("<li>Demokommunen</li>"), page.body());
        assertTrue(page.body().contains("lang=\"en\""), "the language switch offers English");
        assertTrue(page.body().contains("href=\"/health/ready\""));
    }

    @Test
    void theOpenApiDocumentDescribesOurApi() throws Exception {
        HttpResponse<String> openapi = server.send(server.request("/openapi")
                .header("Accept", "application/json").build());
        assertEquals(200, openapi.statusCode());
        JsonObject document = Json.createReader(new StringReader(openapi.body())).readObject();
        assertEquals("Digikomp LMS API", document.getJsonObject("info").getString("title"));
        assertTrue(document.getJsonObject("paths").containsKey("/api/units"));
        assertTrue(document.getJsonObject("paths").containsKey("/api/accounts/me"));
    }
}
