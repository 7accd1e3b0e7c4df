package se.digikomp.lms.org.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;

/** Calls of the org API as the tests make them, and counts of what the server wrote. */
final class OrgApi {

    static final String ADMIN = LmsServer.basicAuth("admin", "demo-admin");
    static final String HR = LmsServer.basicAuth("hr", "demo-hr");
    static final String MANAGER = LmsServer.basicAuth("manager", "demo-manager");
    static final String LEARNER = LmsServer.basicAuth("learner", "demo-learner");
    static final String PLATFORM = LmsServer.basicAuth("platform", "demo-platform");
    static final String REGION_ADMIN = LmsServer.basicAuth("region-admin", "demo-region-admin");
    static final String REGION_HR = LmsServer.basicAuth("region-hr", "demo-region-hr");

    private final LmsServer.Instance server;

    OrgApi(LmsServer.Instance server) {
        this.server = server;
    }

    HttpResponse<String> get(String path, String auth) throws IOException {
        return server.send(server.request(path).header("Authorization", auth).build());
    }

    HttpResponse<String> send(String method, String path, String auth, String json) throws IOException {
        return server.send(server.request(path).header("Authorization", auth).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> importCsv(byte[] csv, String query, String auth) throws IOException {
        return server.send(server.request("/api/people/import" + query).header("Authorization", auth)
                .timeout(java.time.Duration.ofMinutes(5))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build());
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }

    static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) json(response);
    }

    private static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return object(response);
    }

    long count(String sql) throws SQLException {
        try (Connection db = TestDatabase.shared().connect(server.schema()); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    String string(String sql) throws SQLException {
        try (Connection db = TestDatabase.shared().connect(server.schema()); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    long organisationId(String slug) throws SQLException {
        return count("SELECT id FROM organisation WHERE slug = '" + slug + "'");
    }

    /** Sets an account's password with the token of its set-password path; returns the Basic header for it. */
    String setPassword(String username, String setPasswordPath) throws IOException {
        String token = setPasswordPath.substring(setPasswordPath.indexOf("token=") + 6);
        String password = "test-" + UUID.randomUUID();
        HttpResponse<String> set = server.send(server.request("/api/set-password")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json
                        .createObjectBuilder().add("token", token).add("password", password).build().toString()))
                .build());
        assertEquals(204, set.statusCode(), set.body());
        return LmsServer.basicAuth(username, password);
    }

    /** A new organisation made by the platform administrator; returns its administrator's Basic header. */
    String newOrganisation(String slug) throws IOException {
        HttpResponse<String> created = send("POST", "/api/organisations", PLATFORM, "{\"slug\":\"" + slug
                + "\",\"name\":\"Testkommun " + slug + "\",\"administrator\":{\"givenName\":\"Ada\","
                + "\"familyName\":\"Admin\",\"email\":\"admin@" + slug + ".example\"}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject administrator = object(created).getJsonObject("administrator");
        return setPassword(administrator.getString("username"), administrator.getString("setPasswordPath"));
    }
}
