package se.digikomp.packager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.TestCourses;

/** preview runs the real command, serves on 127.0.0.1 and rebuilds when a source changes. */
class PreviewCommandTest {
    @TempDir
    Path temp;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheCourseInAStandInLmsAndRebuildsOnChange() throws Exception {
        Path course = TestCourses.copy(temp);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int p = port;
        Thread preview = new Thread(() -> Cli.run("preview", course.toString(), "--port", String.valueOf(p)));
        preview.start();
        try {
            HttpResponse<String> lms = null;
            for (int i = 0; i < 100 && lms == null; i++) {
                try {
                    lms = get(port, "/");
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertEquals(200, lms.statusCode());
            assertTrue(lms.body().contains("Stand-in LMS"));
            assertTrue(get(port, "/__preview/lms.js").body().contains("API_1484_11"));
            String state = get(port, "/__preview/state").body();
            assertTrue(state.contains("\"version\":0"), state);
            assertTrue(state.contains("sv/basics.html"), state);
            assertTrue(get(port, "/course/sv/basics.html").body().contains("<h1 id=\"lesson-basics-title\""));
            assertEquals(200, get(port, "/course/player/player.js").statusCode());
            assertEquals(404, get(port, "/course/nothing-here").statusCode());

            Path lesson = course.resolve("sv/01-basics.md");
            Files.writeString(lesson, Files.readString(lesson).replace("# Grunder", "# Grunder, ändrad"));
            String after = "";
            for (int i = 0; i < 100 && !after.contains("\"version\":1"); i++) {
                Thread.sleep(100);
                after = get(port, "/__preview/state").body();
            }
            assertTrue(after.contains("\"version\":1"), after);
            assertTrue(get(port, "/course/sv/basics.html").body().contains("Grunder, ändrad"));

            Files.writeString(lesson, Files.readString(lesson).replace("{#strongest-password type=single",
                    "{#strongest-password type=nonsense"));
            String broken = "";
            for (int i = 0; i < 100 && !broken.contains("\"version\":2"); i++) {
                Thread.sleep(100);
                broken = get(port, "/__preview/state").body();
            }
            assertTrue(broken.contains("unknown question type: nonsense"), broken);
        } finally {
            preview.interrupt();
            preview.join(10_000);
        }
        assertTrue(!preview.isAlive(), "preview stops when interrupted");
    }

    @Test
    void aPortInUseIsAUsageError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli cli = Cli.run("preview", TestCourses.testCourse().toString(), "--port",
                    String.valueOf(taken.getLocalPort()));
            assertEquals(ExitCode.USAGE, cli.exitCode());
            assertTrue(cli.err().contains("is in use"), cli.err());
        }
    }

    @Test
    void anInvalidCourseIsReportedBeforeServing() throws Exception {
        Path course = TestCourses.copy(temp);
        Files.delete(course.resolve("course.yaml"));
        Cli cli = Cli.run("preview", course.toString(), "--port", "0");
        assertEquals(ExitCode.INVALID, cli.exitCode());
        assertTrue(cli.err().contains("course.yaml:1: missing course.yaml"), cli.err());
    }
}
