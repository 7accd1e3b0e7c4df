package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Process server = start(db, schema, work, "first");
        try {
            XapiClient client = XapiClient.of(base(work), KEY, SECRET);
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
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL on Linux
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        } finally {
            server.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= 50, "the load ran before the kill: " + acknowledged.size() + " batches");
        Process restarted = start(db, schema, work, "second");
        try {
            XapiClient client = XapiClient.of(base(work), KEY, SECRET);
            for (List<String> batch : acknowledged) {
                for (String id : batch) {
                    HttpResponse<String> r = client.get("/statements?statementId=" + id);
                    assertEquals(200, r.statusCode(), () -> "acknowledged statement " + id + " is lost: " + r.body());
                }
            }
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
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

    private static URI base(Path work) throws Exception {
        return URI.create("http://127.0.0.1:" + Files.readString(work.resolve("port")).trim());
    }

    /** The WAR on Payara Micro in its own process (so it can be killed), with the bootstrap credential. */
    private static Process start(TestDatabase.Instance db, String schema, Path work, String name) throws Exception {
        Path dir = work.resolve(name);
        Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(dir.resolve("unpacked"));
        Path war = Files.copy(Path.of(System.getProperty("lms.test.war", "target/lms-app.war")),
                dir.resolve("ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
        Path preboot = Files.writeString(dir.resolve("preboot.txt"), "set configs.config.server-config."
                + "network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(work.resolve("port"), Integer.toString(port));
        String micro = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("payara-micro-")) {
                micro = entry;
            }
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", micro, "--deploy", war.toString(), "--port", Integer.toString(port), "--nocluster",
                "--disablephonehome", "--nohazelcast", "--prebootcommandfile", preboot.toString(), "--rootdir",
                dir.resolve("root").toString(), "--unpackdir", dir.resolve("unpacked").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LMS_"));
        env.put("LMS_DB_URL", db.jdbcUrl(schema));
        env.put("LMS_DB_USER", db.user());
        env.put("LMS_DB_PASSWORD", db.password());
        env.put("LMS_XAPI_BOOTSTRAP_KEY", KEY);
        env.put("LMS_XAPI_BOOTSTRAP_SECRET", SECRET);
        Process p = pb.start();
        XapiClient probe = XapiClient.of(URI.create("http://127.0.0.1:" + port), KEY, SECRET);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(p.isAlive(), "the server exited; see " + dir.resolve("server.log"));
            try {
                // Payara answers 503 between deploying the app and the end of its own start: wait for both
                if (Files.readString(dir.resolve("server.log")).contains("ready in")
                        && probe.get("/statements?limit=1").statusCode() == 200) {
                    return p;
                }
            } catch (Exception e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new AssertionError("the server was not ready; see " + dir.resolve("server.log"));
    }
}
