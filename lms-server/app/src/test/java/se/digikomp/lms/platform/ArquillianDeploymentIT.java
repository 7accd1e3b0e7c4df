package se.digikomp.lms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.ArquillianDatabase;
import se.digikomp.lms.testing.TestDatabase;

/**
 * The WAR deployed by Arquillian's Payara Micro managed container into an empty schema: Flyway runs at
 * deployment, the demo data follows, and the application answers at its context root.
 */
@ExtendWith({ArquillianDatabase.class, ArquillianExtension.class})
class ArquillianDeploymentIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("lms.test.war", "target/lms-app.war")));
    }

    @ArquillianResource
    URL deployed;

    /** Arquillian reports the machine's outward address; tests stay on loopback. */
    private URI loopback(String path) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + path);
    }

    @Test
    @RunAsClient
    void deploymentMigratesAnEmptySchemaCreatesTheDemoDataAndBecomesReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(loopback("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());

        HttpResponse<String> home = http.send(HttpRequest.newBuilder(loopback(deployed.getPath())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Demokommunen"), home.body());

        try (Connection db = TestDatabase.shared().connect(ArquillianDatabase.schema());
             Statement sql = db.createStatement()) {
            try (ResultSet history = sql.executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version = '1'")) {
                assertTrue(history.next(), "V1 recorded");
                assertTrue(history.getBoolean("success"));
            }
            try (ResultSet accounts = sql.executeQuery("SELECT COUNT(*) FROM account")) {
                accounts.next();
                assertEquals(9, accounts.getInt(1), "the demo accounts of both demo organisations");
            }
        }
    }
}
