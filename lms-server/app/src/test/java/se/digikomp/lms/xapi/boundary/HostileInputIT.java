package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.xapi.control.StrictJson;

/**
 * What authoring tools and hostile clients send (issue 14, defects 2-4, 6, 7): every case answers 400 (or the
 * HTTP status RFC 9110 names) with the reason, never a 500, never a silently changed value, nothing stored.
 */
@ExtendWith(LmsServer.class)
class HostileInputIT {

    private static XapiClient demo;

    @BeforeAll
    static void client() {
        demo = XapiClient.of(LmsServer.shared().uri("/"), LmsServer.XAPI_KEY, LmsServer.XAPI_SECRET);
    }

    private static void assertRefused(HttpResponse<String> r, String mentions) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains(mentions), () -> "message should name " + mentions + ": " + r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    private static String statement(String id, String objectExtra) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:hostile@example.se\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                + "\"object\":{\"id\":\"http://digikomp.example/hostile\"" + objectExtra + "}}";
    }

    private static String stateAddress() {
        return "/activities/state?activityId=" + URLEncoder.encode("http://digikomp.example/hostile/"
                + UUID.randomUUID(), StandardCharsets.UTF_8) + "&agent=" + URLEncoder.encode(
                        "{\"mbox\":\"mailto:hostile@example.se\"}", StandardCharsets.UTF_8) + "&stateId=s";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String deep(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @Test
    void rfc8259_9_nestingPastTheLimitIs400ForStatementsDocumentsAndMerges() throws Exception {
        String id = UUID.randomUUID().toString();
        String ext = ",\"definition\":{\"extensions\":{\"http://digikomp.example/x\":" + deep(1200) + "}}";
        assertRefused(demo.postJson("/statements", statement(id, ext)), "more than " + StrictJson.MAX_DEPTH);
        assertEquals(404, demo.get("/statements?statementId=" + id).statusCode());
        String address = stateAddress();
        assertRefused(demo.put(address, "application/json", deep(1200)), "more than " + StrictJson.MAX_DEPTH);
        assertEquals(404, demo.get(address).statusCode(), "nothing stored");
        assertEquals(204, demo.postJson(address, "{\"k\":1}").statusCode());
        assertRefused(demo.postJson(address, "{\"m\":" + deep(StrictJson.MAX_DEPTH) + "}"), "deep");
        assertEquals("{\"k\":1}", demo.get(address).body(), "the stored document is unchanged");
        // within the limit, deep content is stored
        String ok = UUID.randomUUID().toString();
        assertEquals(200, demo.postJson("/statements", statement(ok, ",\"definition\":{\"extensions\":"
                + "{\"http://digikomp.example/x\":" + deep(50) + "}}")).statusCode());
    }

    @Test
    void rfc8259_8_1_invalidUtf8IsRefusedNotReplaced() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] good = utf8(statement(id, ",\"definition\":{\"name\":{\"sv-SE\":\"XX\"}}"));
        byte[] bad = good.clone();
        int at = new String(good, StandardCharsets.ISO_8859_1).indexOf("XX");
        bad[at] = (byte) 0xff;
        bad[at + 1] = (byte) 0xfe;
        assertRefused(demo.send("POST", "/statements", "application/json", bad), "not valid UTF-8");
        assertEquals(404, demo.get("/statements?statementId=" + id).statusCode());
        String address = stateAddress();
        assertRefused(demo.send("POST", address, "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'}),
                "not valid UTF-8");
        assertEquals(404, demo.get(address).statusCode());
    }

    @Test
    void rfc7493_2_1_aLoneSurrogateIsRefusedNotTurnedIntoAQuestionMark() throws Exception {
        String id = UUID.randomUUID().toString();
        assertRefused(demo.postJson("/statements", statement(id, ",\"definition\":{\"name\":{\"sv-SE\":"
                + "\"a\\ud800\"}}")), "lone surrogate");
        assertEquals(404, demo.get("/statements?statementId=" + id).statusCode());
        // a surrogate pair (an emoji) is a character and comes back as sent
        String kept = UUID.randomUUID().toString();
        assertEquals(200, demo.postJson("/statements", statement(kept, ",\"definition\":{\"name\":{\"sv-SE\":"
                + "\"\\ud83d\\ude00 \u00e5\"}}")).statusCode());
        assertTrue(demo.get("/statements?statementId=" + kept).body().contains("\ud83d\ude00 \u00e5"));
    }

    @Test
    void rfc7493_2_3_aNameTwiceInOneObjectIsRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        String twoVerbs = "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:hostile@example.se\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},"
                + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/failed\"},"
                + "\"object\":{\"id\":\"http://digikomp.example/hostile\"}}";
        assertRefused(demo.postJson("/statements", twoVerbs), "'verb' occurs twice");
        assertEquals(404, demo.get("/statements?statementId=" + id).statusCode());
        assertRefused(demo.postJson(stateAddress(), "{\"a\":1,\"a\":2}"), "'a' occurs twice");
        assertRefused(demo.get("/activities/state?activityId=http%3A%2F%2Fa&stateId=s&agent="
                + URLEncoder.encode("{\"mbox\":\"mailto:a@example.se\",\"mbox\":\"mailto:b@example.se\"}",
                        StandardCharsets.UTF_8)), "'mbox' occurs twice");
    }

    @Test
    void documentsComeBackByteForByte() throws Exception {
        String address = stateAddress();
        byte[] binary = {0, (byte) 0xff, (byte) 0xfe, '\r', '\n', (byte) 0x80};
        assertEquals(204, demo.send("PUT", address, "application/octet-stream", binary).statusCode());
        HttpResponse<byte[]> got = demo.sendForBytes(demo.request(address).GET().build());
        assertArrayEquals(binary, got.body());
        String json = "{ \"b\" : 1.0,\n  \"a\": \"\\u00e5\" }";
        String other = stateAddress();
        assertEquals(204, demo.send("PUT", other, "application/json", utf8(json)).statusCode());
        assertArrayEquals(utf8(json), demo.sendForBytes(demo.request(other).GET().build()).body());
    }

    @Test
    void rfc9110_13_1_1_aWeakEtagNeverPassesIfMatch() throws Exception {
        String address = stateAddress();
        assertEquals(204, demo.put(address, "application/json", "{\"v\":1}", "If-None-Match", "*").statusCode());
        String etag = demo.get(address).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> weak = demo.put(address, "application/json", "{\"v\":2}", "If-Match", "W/" + etag);
        assertEquals(412, weak.statusCode(), weak.body());
        assertEquals("{\"v\":1}", demo.get(address).body());
        assertEquals(204, demo.put(address, "application/json", "{\"v\":3}", "If-Match", etag).statusCode());
    }

    @Test
    void rfc9110_13_1_2_aDocumentGetWithTheCurrentEtagInIfNoneMatchIs304() throws Exception {
        String address = stateAddress();
        assertEquals(204, demo.put(address, "application/json", "{\"v\":1}", "If-None-Match", "*").statusCode());
        String etag = demo.get(address).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> same = demo.send(demo.request(address).header("If-None-Match", etag).GET().build());
        assertEquals(304, same.statusCode());
        assertEquals(etag, same.headers().firstValue("ETag").orElseThrow());
        assertEquals("", same.body());
        HttpResponse<String> weak = demo.send(demo.request(address).header("If-None-Match", "W/" + etag).GET()
                .build());
        assertEquals(304, weak.statusCode(), "If-None-Match compares weakly");
        HttpResponse<String> stale = demo.send(demo.request(address).header("If-None-Match", "\"0123\"").GET()
                .build());
        assertEquals(200, stale.statusCode());
        assertEquals("{\"v\":1}", stale.body());
    }

    @Test
    void corsAllowsAnyOriginButNeverCredentials() throws Exception {
        HttpResponse<String> preflight = demo.send(HttpRequest.newBuilder(LmsServer.shared().uri("/xapi/statements"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization").build());
        assertEquals("*", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()
                .contains("Authorization"));
        HttpResponse<String> get = demo.send(demo.request("/statements?limit=1").header("Origin",
                "https://evil.example").GET().build());
        assertEquals(200, get.statusCode());
        assertEquals("*", get.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertFalse(get.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
    }
}
