package se.digikomp.lms.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;
import se.digikomp.packager.bundle.DeterministicZip;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.PackageBuilder;
import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Unit;
import se.digikomp.packager.source.CourseReader;

/**
 * {@code POST /api/course-packages} over HTTP against the real server: the publish contract (digest, content type,
 * format header, 201 with Location, problem+json refusals with the file, nothing stored), {@code GET /api/courses},
 * versions and withdrawal, and {@code course-packager publish} run as its own process.
 */
@ExtendWith(LmsServer.class)
class CoursePackagesIT {

    private static final String AUTHOR = LmsServer.basicAuth("author", "demo-author");
    private static final String LEARNER = LmsServer.basicAuth("learner", "demo-learner");
    private static final List<String> TABLES = List.of("course", "course_version", "course_unit", "course_file",
            "content_blob", "content_chunk");

    private final LmsServer.Instance server = LmsServer.shared();

    @Test
    void anAuthorImportsAPackageAndEveryoneOfTheOrganisationSeesTheCourse() throws Exception {
        byte[] zip = new RawZip().addTree(CourseImportIT.FIXTURES.resolve("scorm12-golf-runtime-basic")).bytes();
        HttpResponse<String> created = post(zip, AUTHOR, "application/zip", digest(zip), null);
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/api/course-versions/\\d+"), location);
        HttpResponse<String> version = get(location.substring(location.indexOf("/api/")), LEARNER);
        assertEquals(200, version.statusCode(), version.body());
        JsonObject details = json(version.body()).asJsonObject();
        assertEquals("scorm12", details.getString("format"));
        assertEquals("shared/launchpage.html", details.getJsonArray("units").getJsonObject(0).getString("launch"));

        JsonObject listed = course(get("/api/courses", LEARNER).body(), "com.scorm.golfsamples.runtime.basicruntime.12");
        assertNotNull(listed, "the learner's list has the imported course");
        assertEquals("Golf Explained - Run-time Basic Calls", listed.getString("title"));
        assertEquals("scorm12", listed.getString("format"));
        assertTrue(listed.getInt("version") >= 1);
    }

    @Test
    void refusalsAnswerWithTheirReasonAndStoreNothing() throws Exception {
        byte[] slip = CourseImportIT.validScorm().add("../evil.html", "x").bytes();
        byte[] good = CourseImportIT.validScorm().bytes();
        String xxeManifest = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<manifest>&x;</manifest>";
        byte[] xxe = new RawZip().add("imsmanifest.xml", xxeManifest).add("index.html", "x").bytes();
        long[] before = counts();

        assertProblem(post(good, AUTHOR, "application/zip", null, null), 400, "Content-Digest is missing", null);
        assertProblem(post(good, AUTHOR, "application/zip", digest(slip), null), 400, "does not match the body", null);
        assertProblem(post(good, AUTHOR, "application/zip", "md5=:AAAA:", null), 400, "no supported algorithm", null);
        assertProblem(post(good, AUTHOR, "text/plain", digest(good), null), 415, "application/zip", null);
        assertProblem(post(good, AUTHOR, "application/zip", digest(good), "zip"), 400, "X-Package-Format", null);
        assertProblem(post(good, AUTHOR, "application/zip", digest(good), "cmi5"), 422,
                "X-Package-Format says cmi5 but the package is scorm2004", "imsmanifest.xml");
        assertProblem(post(slip, AUTHOR, "application/zip", digest(slip), null), 422, "zip slip", "../evil.html");
        assertProblem(post(xxe, AUTHOR, "application/zip", digest(xxe), null), 422, "DTD", "imsmanifest.xml");
        byte[] text = "not a zip".getBytes(StandardCharsets.UTF_8);
        assertProblem(post(text, AUTHOR, "application/zip", digest(text), null), 422, "not a zip file", "(package)");
        assertEquals(403, post(good, LEARNER, "application/zip", digest(good), null).statusCode());

        assertEquals(Arrays.toString(before), Arrays.toString(counts()), "rows in " + TABLES);
    }

    @Test
    void aSecondImportIsANewVersionAndWithdrawingItShowsThePreviousOne() throws Exception {
        String id = "http-versions-" + System.nanoTime();
        byte[] zip = new RawZip().add("imsmanifest.xml", CourseImportIT.scorm2004("2004 3rd Edition", "index.html")
                .replace("test-course", id)).add("index.html", "x").bytes();
        long first = versionId(post(zip, AUTHOR, "application/zip", digest(zip), "scorm2004"));
        long second = versionId(post(zip, AUTHOR, "application/zip", digest(zip), null));
        JsonObject listed = course(get("/api/courses", LEARNER).body(), id);
        assertEquals(2, listed.getInt("version"));
        assertEquals(second, listed.getJsonNumber("versionId").longValue());

        assertEquals(403, post("/api/course-versions/" + second + "/withdrawal", LEARNER).statusCode());
        HttpResponse<String> withdrawn = post("/api/course-versions/" + second + "/withdrawal", AUTHOR);
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertFalse(json(withdrawn.body()).asJsonObject().isNull("withdrawnAt"));
        listed = course(get("/api/courses", LEARNER).body(), id);
        assertEquals(1, listed.getInt("version"));
        assertEquals(first, listed.getJsonNumber("versionId").longValue());
        assertEquals(200, get("/api/course-versions/" + second, LEARNER).statusCode(), "a withdrawn version stays");
        assertEquals(404, get("/api/course-versions/999999999", LEARNER).statusCode());
    }

    @Test
    void coursePackagerPublishUploadsAPackageEndToEnd() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "course-publish-it").toAbsolutePath());
        Path zip = work.resolve("digital-safety-xapi.zip");
        var course = CourseReader.read(CourseImportIT.COURSES.resolve("digital-safety"));
        try (OutputStream out = Files.newOutputStream(zip)) {
            DeterministicZip.write(PackageBuilder.build(PackagePlan.of(course, Format.XAPI, Unit.LESSON,
                    List.of("en"))), out);
        }
        Path tokenFile = Files.writeString(work.resolve("token"), ApiToken.create(server, "author", "demo-author"));

        Run published = publish(zip, "--server", server.uri("/").toString(), "--token-file", tokenFile.toString());
        assertEquals(0, published.exit, published.output);
        String location = published.output.replaceAll("(?s).*-> (\\S+).*", "$1");
        assertTrue(location.contains("/api/course-versions/"), published.output);
        HttpResponse<String> version = get(location.substring(location.indexOf("/api/")), AUTHOR);
        assertEquals(200, version.statusCode(), version.body());
        assertEquals("xapi", json(version.body()).asJsonObject().getString("format"));
        assertEquals(course.id(), json(version.body()).asJsonObject().getString("courseId"));

        Files.writeString(tokenFile, "dkt_not-a-real-token-not-a-real-token-not-a-real");
        Run refused = publish(zip, "--server", server.uri("/").toString(), "--token-file", tokenFile.toString());
        assertEquals(4, refused.exit, refused.output);
        assertTrue(refused.output.contains("HTTP 401"), refused.output);
    }

    // ---- helpers ----

    private record Run(int exit, String output) {
    }

    private static Run publish(Path zip, String... options) throws Exception {
        Path jar = Path.of("../../course-packager/target/course-packager.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "build course-packager first: " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "publish", zip.toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("DIGIKOMP_TOKEN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "publish did not end");
        return new Run(process.exitValue(), output);
    }

    private HttpResponse<String> post(byte[] body, String auth, String type, String digest, String format)
            throws Exception {
        HttpRequest.Builder request = server.request("/api/course-packages").header("Authorization", auth)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (digest != null) {
            request.header("Content-Digest", digest);
        }
        if (format != null) {
            request.header("X-Package-Format", format);
        }
        return server.send(request.build());
    }

    private HttpResponse<String> post(String path, String auth) throws Exception {
        return server.send(server.request(path).header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> get(String path, String auth) throws Exception {
        return server.send(server.request(path).header("Authorization", auth).build());
    }

    private static long versionId(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String detail, String file) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        JsonObject problem = json(answer.body()).asJsonObject();
        assertTrue(problem.getString("detail", "").contains(detail), "detail should say '" + detail + "': "
                + answer.body());
        if (file != null) {
            assertEquals(file, problem.getString("file"), answer.body());
        }
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    private static String digest(byte[] body) throws Exception {
        return "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body))
                + ":";
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }

    private static JsonObject course(String body, String id) {
        JsonArray courses = json(body).asJsonArray();
        return courses.stream().map(JsonValue::asJsonObject).filter(c -> c.getString("id").equals(id)).findFirst()
                .orElse(null);
    }

    private long[] counts() throws Exception {
        long[] counts = new long[TABLES.size()];
        try (Connection c = TestDatabase.shared().connect(server.schema()); Statement s = c.createStatement()) {
            for (int i = 0; i < counts.length; i++) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLES.get(i))) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
        }
        return counts;
    }

}
