package se.digikomp.packager;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.TestCourses;

/** publish against a real HTTP server on loopback that plays lms-server's import endpoint. */
class PublishCommandTest {
    @TempDir
    Path temp;
    private HttpServer server;
    private final List<Map<String, Object>> requests = new ArrayList<>();
    private volatile int status = 201;
    private volatile String body = "{\"id\":\"42\"}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/course-packages", exchange -> {
            byte[] received = exchange.getRequestBody().readAllBytes();
            synchronized (requests) {
                requests.add(Map.of("method", exchange.getRequestMethod(), "body", received,
                        "type", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                        "auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                        "digest", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Digest"))));
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 201 ? "application/json"
                    : "application/problem+json");
            if (status == 201) {
                exchange.getResponseHeaders().set("Location", "/api/course-packages/42");
            }
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private Path zip() throws IOException {
        Path out = temp.resolve("out");
        assertEquals(0, Cli.run("build", TestCourses.testCourse().toString(), "-f", "cmi5", "-o", out.toString())
                .exitCode());
        return out.resolve("test-course-1.2.3-cmi5-sv.zip");
    }

    @Test
    void uploadsTheZipWithTokenAndDigest() throws Exception {
        Path zip = zip();
        Path token = temp.resolve("token");
        Files.writeString(token, "s3cret-token\n");
        Cli cli = Cli.run("publish", zip.toString(), "--server", url(), "--token-file", token.toString());
        assertEquals(ExitCode.OK, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("-> /api/course-packages/42"), cli.out());
        assertEquals(1, requests.size());
        Map<String, Object> r = requests.get(0);
        assertEquals("POST", r.get("method"));
        assertEquals("application/zip", r.get("type"));
        assertEquals("Bearer s3cret-token", r.get("auth"));
        byte[] bytes = Files.readAllBytes(zip);
        assertArrayEquals(bytes, (byte[]) r.get("body"));
        assertEquals("sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(bytes)) + ":", r.get("digest"));
    }

    @Test
    void reportsTheServersProblemAndExitsFour() throws IOException {
        status = 422;
        body = "{\"type\":\"about:blank\",\"title\":\"Package rejected\",\"status\":422,"
                + "\"detail\":\"course version 1.2.3 already exists\"}";
        Cli cli = Cli.run("publish", zip().toString(), "--server", url());
        assertEquals(ExitCode.REJECTED, cli.exitCode());
        assertTrue(cli.err().contains("HTTP 422: Package rejected - course version 1.2.3 already exists"), cli.err());
    }

    @Test
    void unreachableServerExitsFourWithoutStackTrace() throws IOException {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        Cli cli = Cli.run("publish", zip().toString(), "--server", "http://127.0.0.1:" + free);
        assertEquals(ExitCode.REJECTED, cli.exitCode());
        assertTrue(cli.err().contains("cannot reach"), cli.err());
        assertTrue(!cli.err().contains("\tat "));
    }

    @Test
    void invalidPackageIsNotUploaded() throws IOException {
        Path fake = temp.resolve("fake.zip");
        Files.writeString(fake, "no zip");
        Cli cli = Cli.run("publish", fake.toString(), "--server", url());
        assertEquals(ExitCode.INVALID, cli.exitCode());
        assertEquals(0, requests.size());
        Cli bad = Cli.run("publish", fake.toString(), "--server", "ftp://example");
        assertEquals(ExitCode.USAGE, bad.exitCode());
    }
}
