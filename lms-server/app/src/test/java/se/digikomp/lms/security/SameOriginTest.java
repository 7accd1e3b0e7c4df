package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {

    @Test
    void ourOwnOriginIsOurs() {
        assertTrue(SameOrigin.isOurs("http://127.0.0.1:8080", null, "http", "127.0.0.1:8080"));
        assertTrue(SameOrigin.isOurs("https://LMS.example.org", null, "https", "lms.example.org"));
        assertTrue(SameOrigin.isOurs("https://lms.example.org", null, "https", "lms.example.org:443"));
    }

    @Test
    void anotherSiteSchemeOrPortIsNot() {
        assertFalse(SameOrigin.isOurs("https://evil.example", "same-origin", "https", "lms.example.org"));
        assertFalse(SameOrigin.isOurs("http://lms.example.org", null, "https", "lms.example.org"));
        assertFalse(SameOrigin.isOurs("http://127.0.0.1:9999", null, "http", "127.0.0.1:8080"));
        assertFalse(SameOrigin.isOurs("null", null, "http", "127.0.0.1:8080"));
        assertFalse(SameOrigin.isOurs("not a uri", null, "http", "127.0.0.1:8080"));
    }

    @Test
    void withoutOriginOnlySecFetchSiteSameOriginCounts() {
        assertTrue(SameOrigin.isOurs(null, "same-origin", "http", "h"));
        assertFalse(SameOrigin.isOurs(null, "same-site", "http", "h"));
        assertFalse(SameOrigin.isOurs(null, "cross-site", "http", "h"));
        assertFalse(SameOrigin.isOurs(null, null, "http", "h"), "neither header: not trusted");
    }
}
