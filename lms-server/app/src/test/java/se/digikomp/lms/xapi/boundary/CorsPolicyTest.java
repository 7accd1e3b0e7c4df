package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fetch standard, CORS protocol: credentials are never allowed cross-origin; the allowed origins are configured. */
class CorsPolicyTest {

    @Test
    void anyOriginByDefaultWithoutCredentials() {
        Map<String, String> h = new CorsPolicy("*").headers("https://evil.example");
        assertEquals("*", h.get("Access-Control-Allow-Origin"));
        assertFalse(h.containsKey("Access-Control-Allow-Credentials"));
        assertEquals("*", new CorsPolicy("*").headers(null).get("Access-Control-Allow-Origin"));
    }

    @Test
    void aListedOriginIsNamedAndAnotherIsNot() {
        CorsPolicy policy = new CorsPolicy("https://content.example.se, https://lms.example.se/");
        Map<String, String> listed = policy.headers("https://LMS.example.se");
        assertEquals("https://LMS.example.se", listed.get("Access-Control-Allow-Origin"));
        assertEquals("Origin", listed.get("Vary"));
        assertFalse(listed.containsKey("Access-Control-Allow-Credentials"));
        Map<String, String> other = policy.headers("https://evil.example");
        assertNull(other.get("Access-Control-Allow-Origin"));
        assertNull(other.get("Access-Control-Allow-Methods"));
        assertEquals("Origin", other.get("Vary"));
        assertNull(policy.headers(null).get("Access-Control-Allow-Origin"));
    }
}
