package se.digikomp.lms.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server for HTTP integration tests: the built {@code target/lms-app.war}, deployed as ROOT on
 * Payara Micro 6.2025.10 in its own process, on a free loopback port, against a fresh schema of the
 * {@link TestDatabase}. Started once per test JVM (a start costs about 25 s) and shared by every test class
 * that uses it; stopped when the JVM's tests are done.
 *
 * <pre>
 * &#64;ExtendWith(LmsServer.class)
 * class StatementsIT {
 *     &#64;Test void storesAStatement() throws Exception {
 *         var response = LmsServer.shared().send(LmsServer.shared().request("/xapi/statements")
 *                 .header("Authorization", LmsServer.xapiBasicAuth()) ...);
 *     }
 * }
 * </pre>
 *
 * The server has the demo data (accounts in README) and the xAPI bootstrap credential {@link #XAPI_KEY} /
 * {@link #XAPI_SECRET}. Its log is {@code target/lms-server-it/server.log}.
 */
public final class LmsServer implements BeforeAllCallback {

    public static final String XAPI_KEY = "it-bootstrap";
    public static final String XAPI_SECRET = "it-bootstrap-secret";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LmsServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static volatile Instance shared;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        new TestDatabase().beforeAll(context);
        shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Instance.class, k -> Instance.start(TestDatabase.shared()), Instance.class);
    }

    public static Instance shared() {
        if (shared == null) {
            throw new IllegalStateException("add @ExtendWith(LmsServer.class) to the test class");
        }
        return shared;
    }

    /** {@code Authorization} header value for the bootstrap xAPI credential. */
    public static String xapiBasicAuth() {
        return basicAuth(XAPI_KEY, XAPI_SECRET);
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A running server. */
    public static final class Instance implements ExtensionContext.Store.CloseableResource {

        private final Process process;
        private final URI base;
        private final String schema;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private Instance(Process process, URI base, String schema, Path log) {
            this.process = process;
            this.base = base;
            this.schema = schema;
            this.log = log;
        }

        static Instance start(TestDatabase.Instance database) {
            String running = System.getenv("LMS_TEST_SERVER_URL");
            if (running != null) {
                // a server started by hand against the TestDatabase's server (LMS_TEST_DB_URL), for fast turns
                Instance instance = new Instance(null, URI.create(running),
                        System.getenv().getOrDefault("LMS_TEST_SERVER_SCHEMA", "lms"), Path.of("server.log"));
                if (instance.readiness() != 200) {
                    throw new IllegalStateException("LMS_TEST_SERVER_URL " + running + " is not ready");
                }
                return instance;
            }
            try {
                Path work = Path.of("target", "lms-server-it").toAbsolutePath();
                deleteTree(work);
                Files.createDirectories(work.resolve("root"));
                Files.createDirectories(work.resolve("unpacked"));
                Path war = Files.copy(Path.of(System.getProperty("lms.test.war", "target/lms-app.war")),
                        work.resolve("ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
                Path preboot = Files.writeString(work.resolve("preboot.txt"), "set configs.config.server-config."
                        + "network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
                int port = freePort();
                String schema = database.newSchema("lms_it");
                List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m",
                        "-jar", payaraMicroJar(), "--deploy", war.toString(), "--port", Integer.toString(port),
                        "--nocluster", "--disablephonehome", "--nohazelcast",
                        "--prebootcommandfile", preboot.toString(),
                        "--rootdir", work.resolve("root").toString(),
                        "--unpackdir", work.resolve("unpacked").toString()));
                Path log = work.resolve("server.log");
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                Map<String, String> env = builder.environment();
                env.keySet().removeIf(name -> name.startsWith("LMS_"));
                env.put("LMS_DB_URL", database.jdbcUrl(schema));
                env.put("LMS_DB_USER", database.user());
                env.put("LMS_DB_PASSWORD", database.password());
                env.put("LMS_XAPI_BOOTSTRAP_KEY", XAPI_KEY);
                env.put("LMS_XAPI_BOOTSTRAP_SECRET", XAPI_SECRET);
                // sign-in throttling as configured, only with short delays, so the lock-out test is quick
                env.put("LMS_WEB_SIGN_IN_DELAY_MILLIS", "50");
                Process process = builder.start();
                Instance instance = new Instance(process, URI.create("http://127.0.0.1:" + port), schema, log);
                instance.awaitReady();
                return instance;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the server under test: " + e.getMessage(), e);
            }
        }

        private void awaitReady() {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server under test exited with " + process.exitValue()
                            + "; see " + log + "\n" + tail());
                }
                if (readiness() == 200) {
                    return;
                }
                pause(Duration.ofMillis(500));
            }
            process.destroyForcibly();
            throw new IllegalStateException("the server under test was not ready within " + START_TIMEOUT
                    + "; see " + log + "\n" + tail());
        }

        /** Status of {@code GET /health/ready}, or -1 when nothing answers. */
        public int readiness() {
            try {
                return send(request("/health/ready").build()).statusCode();
            } catch (IOException e) {
                return -1;
            }
        }

        public URI uri(String path) {
            return base.resolve(path);
        }

        /** A request to a path of the server, with a timeout. */
        public HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        }

        public HttpResponse<String> send(HttpRequest request) throws IOException {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        /** The schema the server uses (for tests that check what it wrote). */
        public String schema() {
            return schema;
        }

        public Path log() {
            return log;
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process == null) {
                return;
            }
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until {@code condition} holds, polling, or fails after {@code timeout} with {@code what}. */
    public static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            pause(Duration.ofMillis(250));
        }
    }

    static String payaraMicroJar() {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("payara-micro-")) {
                return entry;
            }
        }
        throw new IllegalStateException("payara-micro is not on the test class path (test dependency of lms-app)");
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
