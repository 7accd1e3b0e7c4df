package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;
import se.digikomp.lms.xapi.control.StatementKeys;

/**
 * Concurrent writers of one document or one activity (issue 14, defect 1): N requests at the same moment get
 * exactly the answers they would get one after the other (xAPI 1.0.3 Communication 3.1, 2.0 4.1.4: preconditions
 * decide against the document as it is when each request is applied), and a deadlock or lock wait is retried
 * inside the server, never answered "database unavailable" while the database is fine.
 */
@ExtendWith(LmsServer.class)
class DocumentConcurrencyIT {

    private static final int N = 12;
    private static final String[] VERSIONS = {"1.0.3", "2.0.0"};
    private static XapiClient demo;
    private static ExecutorService pool;

    @BeforeAll
    static void client() {
        demo = XapiClient.of(LmsServer.shared().uri("/"), LmsServer.XAPI_KEY, LmsServer.XAPI_SECRET);
        pool = Executors.newFixedThreadPool(N);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    enum Kind {
        STATE("/activities/state", "stateId"), ACTIVITY_PROFILE("/activities/profile", "profileId"),
        AGENT_PROFILE("/agents/profile", "profileId");

        final String path;
        final String idParameter;

        Kind(String path, String idParameter) {
            this.path = path;
            this.idParameter = idParameter;
        }

        /** The address of a fresh document of this kind. */
        String freshAddress() {
            String activity = "activityId=" + enc("http://digikomp.example/concurrency/" + UUID.randomUUID());
            String agent = "agent=" + enc("{\"mbox\":\"mailto:c-" + UUID.randomUUID() + "@example.se\"}");
            String params = switch (this) {
                case STATE -> activity + "&" + agent;
                case ACTIVITY_PROFILE -> activity;
                case AGENT_PROFILE -> agent;
            };
            return path + "?" + params + "&" + idParameter + "=doc";
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** N requests released together; their answers in request order. */
    private static List<HttpResponse<String>> together(IntFunction<HttpRequest> request) throws Exception {
        CyclicBarrier start = new CyclicBarrier(N);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                HttpRequest r = request.apply(n);
                start.await();
                return demo.send(r);
            }));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> f : futures) {
            answers.add(f.get(120, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static HttpRequest put(XapiClient c, String address, String body, String... headers) {
        HttpRequest.Builder b = c.request(address).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private static HttpRequest post(XapiClient c, String address, String body) {
        return c.request(address).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Counts of each status, e.g. {204=1, 412=11}; a 503 or 500 anywhere fails with its message. */
    private static Map<Integer, Integer> statuses(List<HttpResponse<String>> answers, String what) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (HttpResponse<String> r : answers) {
            assertTrue(r.statusCode() < 500, () -> what + ": " + r.statusCode() + " " + r.body());
            counts.merge(r.statusCode(), 1, Integer::sum);
        }
        return counts;
    }

    private static String body(int n) {
        return "{\"writer\":" + n + ",\"k" + n + "\":\"v" + n + "\"}";
    }

    @Test
    void communication3_1_concurrentCreatesWithIfNoneMatchStarGiveOneSuccessAndTheRest412() throws Exception {
        for (String version : VERSIONS) {
            XapiClient c = demo.withVersion(version);
            for (Kind kind : Kind.values()) {
                String address = kind.freshAddress();
                List<HttpResponse<String>> answers = together(n -> put(c, address, body(n), "If-None-Match", "*"));
                String what = kind + " " + version + " create with If-None-Match: *";
                assertEquals(Map.of(204, 1, 412, N - 1), statuses(answers, what), what);
                int winner = indexOf(answers, 204);
                HttpResponse<String> stored = c.get(address);
                assertEquals(200, stored.statusCode(), stored.body());
                assertEquals(body(winner), stored.body(), what + ": the stored document is the one answered 204");
            }
        }
    }

    @Test
    void communication3_1_concurrentPlainPutsGiveTheSerialAnswers() throws Exception {
        for (String version : VERSIONS) {
            XapiClient c = demo.withVersion(version);
            for (Kind kind : Kind.values()) {
                String address = kind.freshAddress();
                List<HttpResponse<String>> answers = together(n -> put(c, address, body(n)));
                String what = kind + " " + version + " PUT without preconditions";
                Map<Integer, Integer> counts = statuses(answers, what);
                HttpResponse<String> stored = c.get(address);
                if (kind == Kind.STATE && version.equals("1.0.3")) {
                    // 1.0.3 Communication 3.1 exempts the State resource: every PUT overwrites
                    assertEquals(Map.of(204, N), counts, what);
                    assertEquals(200, stored.statusCode());
                    assertTrue(stored.body().startsWith("{\"writer\":"), stored.body());
                } else if (version.equals("1.0.3")) {
                    // ADL XAPI-00273: a 1.0.3 profile PUT names a precondition even for a new document
                    assertEquals(Map.of(400, N), counts, what);
                    assertEquals(404, stored.statusCode(), what + ": nothing stored");
                } else {
                    // 2.0 4.1.4: the first creates it, every later one would overwrite blindly: 409
                    assertEquals(Map.of(204, 1, 409, N - 1), counts, what);
                    assertEquals(body(indexOf(answers, 204)), stored.body(), what);
                }
            }
        }
    }

    @Test
    void communication2_2_concurrentMergesOfANewDocumentKeepEveryKey() throws Exception {
        for (String version : VERSIONS) {
            XapiClient c = demo.withVersion(version);
            for (Kind kind : Kind.values()) {
                String address = kind.freshAddress();
                List<HttpResponse<String>> answers = together(n -> post(c, address, "{\"k" + n + "\":" + n + "}"));
                String what = kind + " " + version + " POST merges";
                assertEquals(Map.of(204, N), statuses(answers, what), what);
                JsonObject stored = XapiClient.object(c.get(address).body());
                assertEquals(N, stored.size(), what + ": " + stored);
                for (int n = 0; n < N; n++) {
                    assertEquals(n, stored.getInt("k" + n), what + ": " + stored);
                }
            }
        }
    }

    @Test
    void communication3_1_concurrentOverwritesWithTheSameIfMatchGiveOneSuccessAndTheRest412() throws Exception {
        for (String version : VERSIONS) {
            XapiClient c = demo.withVersion(version);
            for (Kind kind : Kind.values()) {
                String address = kind.freshAddress();
                HttpResponse<String> created = c.send(put(c, address, "{\"first\":true}", "If-None-Match", "*"));
                assertEquals(204, created.statusCode(), created.body());
                String etag = c.get(address).headers().firstValue("ETag").orElseThrow();
                List<HttpResponse<String>> answers = together(n -> put(c, address, body(n), "If-Match", etag));
                String what = kind + " " + version + " overwrite with If-Match";
                assertEquals(Map.of(204, 1, 412, N - 1), statuses(answers, what), what);
                assertEquals(body(indexOf(answers, 204)), c.get(address).body(), what);
            }
        }
    }

    private static int indexOf(List<HttpResponse<String>> answers, int status) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).statusCode() == status) {
                return i;
            }
        }
        throw new AssertionError("no " + status + " among the answers");
    }
}
