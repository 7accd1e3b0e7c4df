package se.digikomp.packager.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real xAPI endpoint for tests: records statements with the Authorization header they came with, keeps
 * state documents, and serves a cmi5 fetch URL that hands out its auth token once (cmi5 spec 8.2).
 */
public final class RecordingLrs {
    public static final String TOKEN = "Y21pNS10ZXN0OnNlY3JldA==";
    private final List<JsonObject> statements = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final Map<String, String> state = new ConcurrentHashMap<>();
    public final AtomicInteger fetches = new AtomicInteger();

    public RecordingLrs(TestServer server) {
        server.route("/xapi/", this::xapi);
        server.route("/fetch/", exchange -> {
            int n = fetches.incrementAndGet();
            TestServer.send(exchange, 200, "application/json", n == 1 ? "{\"auth-token\":\"" + TOKEN + "\"}"
                    : "{\"error-code\":\"1\",\"error-text\":\"the fetch URL was already used\"}");
        });
    }

    public synchronized List<JsonObject> statements() {
        return List.copyOf(statements);
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public void putState(String stateId, String activityId, String registration, String json) {
        state.put(stateId + "|" + activityId + "|" + registration, json);
    }

    public String state(String stateId, String activityId, String registration) {
        return state.get(stateId + "|" + activityId + "|" + registration);
    }

    private void xapi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestHeaders().getFirst("X-Experience-API-Version") == null) {
            TestServer.send(exchange, 400, "text/plain", "X-Experience-API-Version header missing");
            return;
        }
        if (path.equals("/xapi/statements") && exchange.getRequestMethod().equals("POST")) {
            JsonElement body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            JsonArray ids = new JsonArray();
            synchronized (this) {
                for (JsonElement e : body.isJsonArray() ? body.getAsJsonArray() : List.of(body)) {
                    statements.add(e.getAsJsonObject());
                    authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    ids.add(e.getAsJsonObject().get("id"));
                }
            }
            TestServer.send(exchange, 200, "application/json", ids.toString());
            return;
        }
        if (path.equals("/xapi/activities/state")) {
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            String key = q.get("stateId") + "|" + q.get("activityId") + "|" + q.get("registration");
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    String doc = state.get(key);
                    if (doc == null) {
                        TestServer.send(exchange, 404, null, "");
                    } else {
                        TestServer.send(exchange, 200, "application/json", doc);
                    }
                }
                case "PUT", "POST" -> {
                    state.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    TestServer.send(exchange, 204, null, "");
                }
                default -> TestServer.send(exchange, 405, null, "");
            }
            return;
        }
        TestServer.send(exchange, 404, null, "");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }
}
