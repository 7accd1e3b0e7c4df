package se.digikomp.lms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;

@ExtendWith(LmsServer.class)
class HealthIT {

    private final LmsServer.Instance server = LmsServer.shared();

    @Test
    void readinessIsUpWhenTheDatabaseAnswersAndMigrationsHaveRun() throws Exception {
        HttpResponse<String> response = server.send(server.request("/health/ready").build());
        assertEquals(200, response.statusCode());
        JsonObject health = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("UP", health.getString("status"));
        JsonObject check = health.getJsonArray("checks").getJsonObject(0);
        assertEquals("database", check.getString("name"));
        assertEquals("applied", check.getJsonObject("data").getString("migrations"));
    }

    @Test
    void readinessGoesDownWhileTheDatabaseIsAwayAndRecoversByItself() throws Exception {
        TestDatabase.Instance database = TestDatabase.shared();
        String admin = LmsServer.basicAuth("admin", "demo-admin");
        assertEquals(200, server.send(server.request("/api/units").header("Authorization", admin).build())
                .statusCode());

        database.stop();
        try {
            LmsServer.await(Duration.ofSeconds(30), "/health/ready answers 503", () -> server.readiness() == 503);
            HttpResponse<String> during = server.send(server.request("/api/units").header("Authorization", admin)
                    .build());
            assertEquals(503, during.statusCode(), during.body());
            assertEquals(Problem.MEDIA_TYPE, during.headers().firstValue("Content-Type").orElse(""));
            assertTrue(during.headers().firstValue("Retry-After").isPresent());
            JsonObject problem = Json.createReader(new StringReader(during.body())).readObject();
            assertEquals(503, problem.getInt("status"));
            assertTrue(problem.containsKey("errorId"));
        } finally {
            database.start();
        }

        LmsServer.await(Duration.ofSeconds(60), "/health/ready answers 200 again", () -> server.readiness() == 200);
        assertEquals(200, server.send(server.request("/api/units").header("Authorization", admin).build())
                .statusCode());
    }
}
