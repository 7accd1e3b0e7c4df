package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.digikomp.lms.xapi.entity.Part;

/** RFC 2046 multipart/mixed as used by xAPI 1.0.3 Communication 1.5.2. */
class MultipartTest {

    @Test
    void communication1_5_2_readsWhatItWritesIncludingBinaryContent() {
        Map<String, String> h1 = new LinkedHashMap<>();
        h1.put("Content-Type", "application/json");
        Map<String, String> h2 = new LinkedHashMap<>();
        h2.put("Content-Type", "application/octet-stream");
        h2.put("X-Experience-API-Hash", "abc");
        byte[] binary = {0, 1, 2, '\r', '\n', '-', '-', 3};
        byte[] body = Multipart.write(List.of(new Part(h1, "{}".getBytes(StandardCharsets.UTF_8)),
                new Part(h2, binary)), "b0undary");
        List<Part> parts = Multipart.parse(body, "b0undary");
        assertEquals(2, parts.size());
        assertEquals("application/json", parts.get(0).header("content-type"));
        assertEquals("abc", parts.get(1).header("X-Experience-API-Hash"));
        assertArrayEquals(binary, parts.get(1).body());
    }

    @Test
    void boundaryComesFromContentTypeQuotedOrNot() {
        assertEquals("abc", Multipart.boundary("multipart/mixed; boundary=abc").orElseThrow());
        assertEquals("a b", Multipart.boundary("multipart/mixed; boundary=\"a b\"").orElseThrow());
        assertEquals(true, Multipart.boundary("multipart/mixed").isEmpty());
    }

    @Test
    void rejectsBodyWithoutItsBoundaryOrClosingDelimiter() {
        byte[] body = "--x\r\nContent-Type: application/json\r\n\r\n{}\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(400, assertThrows(XapiException.class, () -> Multipart.parse(body, "y")).status());
        assertEquals(400, assertThrows(XapiException.class, () -> Multipart.parse(body, "x")).status());
    }
}
