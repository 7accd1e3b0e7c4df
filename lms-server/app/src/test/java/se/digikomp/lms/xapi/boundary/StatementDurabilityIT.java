package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.TestDatabase;

/**
 * Issue 3, "a statement acknowledged with 200/204 is never lost": four clients post batches while the server
 * process is killed with SIGKILL; after a restart on the same database every acknowledged statement is there,
 * and every batch is either wholly stored or not at all.
 */
@ExtendWith(TestDatabase.class)
class StatementDurabilityIT {

    private static final String KEY = "durability";
    private static final String SECRET = "durability-secret";
    private static final int BATCH = 10;

    @Test
    void everyAcknowledgedStatementSurvivesSigkillAndNoBatchIsHalfWritten() throws Exception {
        TestDatabase.Instance db = TestDatabase.shared();
        String schema = db.newSchema("lms_durability");
        Path work = Path.of("target", "xapi-durability").toAbsolutePath();
        Files.createDirectories(work);
        ConcurrentLinkedQueue<List<String>> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<List<String>> attempted = new ConcurrentLinkedQueue<>();
        Path war = Path.of(System.getProperty("lms.test.war", "target/lms-app.war"));
        ServerProcess server = ServerProcess.start(work.resolve("first"), war, db.jdbcUrl(schema), db.user(),
                db.password(), KEY, SECRET, "512m");
        try {
            XapiClient client = XapiClient.of(server.base(), KEY, SECRET);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    while (running.get()) {
                        List<String> ids = new ArrayList<>();
                        StringBuilder body = new StringBuilder("[");
                        for (int i = 0; i < BATCH; i++) {
                            String id = UUID.randomUUID().toString();
                            ids.add(id);
                            body.append(i == 0 ? "" : ",").append(XapiClient.statement(id, "k@example.se",
                                    "http://adlnet.gov/expapi/verbs/experienced"));
                        }
                        attempted.add(ids);
                        try {
                            HttpResponse<String> r = client.postJson("/statements", body + "]");
                            if (r.statusCode() == 200) {
                                acknowledged.add(ids);
                            }
                        } catch (Exception e) {
                            return null; // the server died mid-request: not acknowledged
                        }
                    }
                    return null;
                });
            }
            Instant until = Instant.now().plusSeconds(30);
            while (acknowledged.size() < 50 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            server.kill();
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        } finally {
            server.kill();
        }
        assertTrue(acknowledged.size() >= 50, "the load ran before the kill: " + acknowledged.size() + " batches");
        ServerProcess restarted = ServerProcess.start(work.resolve("second"), war, db.jdbcUrl(schema), db.user(),
                db.password(), KEY, SECRET, "512m");
        try {
            XapiClient client = XapiClient.of(restarted.base(), KEY, SECRET);
            for (List<String> batch : acknowledged) {
                for (String id : batch) {
                    HttpResponse<String> r = client.get("/statements?statementId=" + id);
                    assertEquals(200, r.statusCode(), () -> "acknowledged statement " + id + " is lost: " + r.body());
                }
            }
        } finally {
            restarted.stop();
        }
        try (Connection c = db.connect(schema);
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM xapi_statement WHERE statement_id IN"
                        + " (?,?,?,?,?,?,?,?,?,?)")) {
            for (List<String> batch : attempted) {
                for (int i = 0; i < BATCH; i++) {
                    ps.setString(i + 1, batch.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int stored = rs.getInt(1);
                    assertTrue(stored == 0 || stored == BATCH, "a batch was half written: " + stored + " of " + BATCH);
                }
            }
        }
    }
}
