package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 8259 and I-JSON (RFC 7493): what a lenient parser would change or guess at is refused with the reason. */
class StrictJsonTest {

    private static XapiException refused(byte[] bytes) {
        return assertThrows(XapiException.class, () -> StrictJson.parse(bytes, "the body"));
    }

    private static XapiException refused(String text) {
        return refused(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rfc8259_9_nestingDeeperThanTheLimitIs400WithTheLimit() {
        String ok = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        assertEquals(JsonValue.ValueType.ARRAY, StrictJson.parse(ok.getBytes(StandardCharsets.UTF_8), "b")
                .getValueType());
        XapiException e = refused("{\"a\":".repeat(StrictJson.MAX_DEPTH + 1) + "1" + "}".repeat(StrictJson.MAX_DEPTH + 1));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("more than " + StrictJson.MAX_DEPTH + " deep"), e.getMessage());
        // far past the parser's own limit (1,000) the answer is the same 400, not the parser's exception
        assertEquals(400, refused("[".repeat(5000)).status());
        assertEquals(400, assertThrows(XapiException.class,
                () -> StrictJson.parse("[".repeat(5000), "agent")).status());
    }

    @Test
    void rfc8259_8_1_bytesThatAreNotUtf8Are400() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        XapiException e = refused(body);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("not valid UTF-8") && e.getMessage().contains("offset 6"), e.getMessage());
        // a surrogate encoded as UTF-8 bytes (CESU-style) is not UTF-8 either
        assertEquals(400, refused(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}).status());
    }

    @Test
    void rfc7493_2_1_aLoneSurrogateEscapeIs400AndAPairIsKept() {
        XapiException e = refused("{\"name\":\"a\\ud800b\"}");
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("lone surrogate") && e.getMessage().contains("$.name"), e.getMessage());
        assertEquals(400, refused("{\"\\udc00\":1}").status());
        assertEquals(400, refused("[\"\\ud800\"]").status());
        JsonValue pair = StrictJson.parse("\"\\ud83d\\ude00 \u00e5\"".getBytes(StandardCharsets.UTF_8), "b");
        assertEquals("\ud83d\ude00 \u00e5", ((jakarta.json.JsonString) pair).getString());
    }

    @Test
    void rfc7493_2_3_aNameTwiceInOneObjectIs400() {
        XapiException e = refused("{\"verb\":{\"id\":\"http://a\"},\"object\":{\"x\":1,\"x\":2}}");
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("'x' occurs twice") && e.getMessage().contains("$.object"),
                e.getMessage());
        assertEquals(400, refused("{\"verb\":1,\"verb\":2}").status());
        // the same name in different objects is fine
        StrictJson.parse("{\"a\":{\"id\":1},\"b\":{\"id\":2}}".getBytes(StandardCharsets.UTF_8), "b");
    }

    @Test
    void valuesComeOutAsSent() {
        String text = "{\"n\":1.50,\"big\":12345678901234567890,\"t\":true,\"f\":false,\"z\":null,\"s\":\"\u00e5\\\"\","
                + "\"a\":[1,{\"b\":[]}]}";
        JsonValue v = StrictJson.parse(text.getBytes(StandardCharsets.UTF_8), "b");
        assertEquals("{\"n\":1.50,\"big\":12345678901234567890,\"t\":true,\"f\":false,\"z\":null,"
                + "\"s\":\"\u00e5\\\"\",\"a\":[1,{\"b\":[]}]}", v.toString());
        assertEquals(400, refused("{} x").status());
        assertEquals(400, refused("").status());
    }
}
