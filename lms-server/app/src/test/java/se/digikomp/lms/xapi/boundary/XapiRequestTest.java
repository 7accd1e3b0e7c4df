package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.digikomp.lms.xapi.control.XapiException;

/** The alternate request syntax, xAPI 1.0.3 Communication 1.3. */
class XapiRequestTest {

    private static final Map<String, String> FORM = Map.of("content-type", "application/x-www-form-urlencoded");

    @Test
    void communication1_3_unwrapsMethodHeadersParametersAndContent() {
        String form = "statementId=abc&X-Experience-API-Version=1.0.3&Authorization=Basic%20eA%3D%3D"
                + "&content=%7B%22a%22%3A1%7D";
        XapiRequest r = XapiRequest.of("POST", "/statements", "method=PUT", FORM,
                form.getBytes(StandardCharsets.UTF_8));
        assertEquals("PUT", r.method());
        assertTrue(r.alternateSyntax());
        assertEquals("abc", r.param("statementId").orElseThrow());
        assertEquals("1.0.3", r.header("X-Experience-API-Version"));
        assertEquals("Basic eA==", r.header("authorization"));
        assertEquals("application/json", r.mediaType());
        assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), r.body());
    }

    @Test
    void communication1_3_rejectsNonPostExtraQueryParametersAndMissingContent() {
        byte[] none = new byte[0];
        assertEquals(400, assertThrows(XapiException.class,
                () -> XapiRequest.of("PUT", "/statements", "method=POST", FORM, none)).status());
        assertEquals(400, assertThrows(XapiException.class,
                () -> XapiRequest.of("POST", "/statements", "method=PUT&statementId=x", FORM, none)).status());
        assertEquals(400, assertThrows(XapiException.class,
                () -> XapiRequest.of("POST", "/statements", "method=PUT", FORM, none)).status());
        assertEquals(400, assertThrows(XapiException.class, () -> XapiRequest.of("POST", "/statements",
                "method=PUT", Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8)))
                .status());
    }

    @Test
    void rejectsRepeatedParameters() {
        assertEquals(400, assertThrows(XapiException.class, () -> XapiRequest.parseQuery("limit=1&limit=2")).status());
    }
}
