package se.digikomp.lms.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderPolicyTest {

    @Test
    void theCspAllowsNoInlineScriptOrStyleAndFramesOnlyAsConfigured() {
        String csp = new HeaderPolicy("'self' https://moodle.example.org", false).contentSecurityPolicy();
        assertTrue(csp.contains("script-src 'self';"));
        assertTrue(csp.contains("style-src 'self';"));
        assertFalse(csp.contains("unsafe"));
        assertTrue(csp.endsWith("frame-ancestors 'self' https://moodle.example.org"));
        assertTrue(new HeaderPolicy(" ", false).contentSecurityPolicy().endsWith("frame-ancestors 'self'"));
    }

    @Test
    void aFrameAncestorsValueThatWouldAddDirectivesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HeaderPolicy("'self'; script-src *", false));
        assertThrows(IllegalArgumentException.class, () -> new HeaderPolicy("'self'\r\nX-Evil: 1", false));
    }

    @Test
    void hstsOnlyOverTlsOrWhenATrustedProxySaysHttps() {
        assertEquals(HeaderPolicy.HSTS, new HeaderPolicy(null, false).headers(true, null)
                .get("Strict-Transport-Security"));
        assertFalse(new HeaderPolicy(null, false).headers(false, "https").containsKey("Strict-Transport-Security"));
        assertTrue(new HeaderPolicy(null, true).headers(false, "https, http").containsKey("Strict-Transport-Security"));
        assertFalse(new HeaderPolicy(null, true).headers(false, "http").containsKey("Strict-Transport-Security"));
    }

    @Test
    void everyResponseGetsNosniffAndAReferrerPolicy() {
        Map<String, String> headers = new HeaderPolicy(null, false).headers(false, null);
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("same-origin", headers.get("Referrer-Policy"));
    }
}
