package se.digikomp.lms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;

/** RFC 9457: every error of our own API is application/problem+json with type, title, status and instance. */
@ExtendWith(LmsServer.class)
class ProblemDetailsIT {

    private final LmsServer.Instance server = LmsServer.shared();
    private final String admin = LmsServer.basicAuth("admin", "demo-admin");

    private JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(Problem.MEDIA_TYPE, response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(status, problem.getInt("status"));
        assertEquals("about:blank", problem.getString("type"));
        assertFalse(problem.getString("title").isBlank());
        assertFalse(response.body().contains("at se.digikomp"), "no stack trace in " + response.body());
        return problem;
    }

    private HttpResponse<String> postUnit(String json) throws Exception {
        return server.send(server.request("/api/units").header("Authorization", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        JsonObject problem = problem(postUnit("{\"name\": "), 400);
        assertEquals("/api/units", problem.getString("instance"));
        assertTrue(problem.getString("detail").contains("not valid JSON"));
    }

    @Test
    void jsonOfTheWrongShapeIsABadRequest() throws Exception {
        problem(postUnit("[1, 2]"), 400);
    }

    @Test
    void invalidFieldsAreListedOnePerViolation() throws Exception {
        JsonObject problem = problem(postUnit("{\"name\": \"\", \"code\": \"not a code\"}"), 400);
        var violations = problem.getJsonArray("violations");
        assertEquals(2, violations.size());
        assertEquals("code", violations.getJsonObject(0).getString("field"));
        assertEquals("name", violations.getJsonObject(1).getString("field"));
    }

    @Test
    void aParentFromNowhereIsABadRequestNamingIt() throws Exception {
        JsonObject problem = problem(postUnit("{\"name\": \"X\", \"parentId\": 999999}"), 400);
        assertTrue(problem.getString("detail").contains("999999"));
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        problem(server.send(server.request("/api/no-such-thing").build()), 404);
    }

    @Test
    void missingCredentialsAreUnauthorizedWithABasicChallenge() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/accounts/me").build());
        problem(response, 401);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        problem(server.send(server.request("/api/accounts/me")
                .header("Authorization", LmsServer.basicAuth("admin", "wrong")).build()), 401);
    }

    @Test
    void aRoleTheAccountLacksIsForbidden() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/units")
                .header("Authorization", LmsServer.basicAuth("learner", "demo-learner"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"X\"}")).build());
        assertTrue(problem(response, 403).getString("detail").contains("ADMIN"));
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhichAre() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/organisations/current")
                .header("Authorization", admin).DELETE().build());
        problem(response, 405);
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("GET"));
    }
}
