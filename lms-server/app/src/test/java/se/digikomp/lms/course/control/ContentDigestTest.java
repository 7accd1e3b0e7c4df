package se.digikomp.lms.course.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Content-Digest as RFC 9530 section 2 writes it (a structured-field dictionary of byte sequences). */
class ContentDigestTest {

    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheRfc9530ExampleDigestOfItsBody() throws Exception {
        // RFC 9530 appendix B.1: the SHA-256 of {"hello": "world"}
        ContentDigest digest = ContentDigest.parse("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
        assertTrue(digest.matches(sha("SHA-256"), sha("SHA-512")));
    }

    @Test
    void checksEverySupportedAlgorithmAndIgnoresOthers() throws Exception {
        String both = "sha-512=:" + b64(sha("SHA-512")) + ":, sha-256=:" + b64(sha("SHA-256")) + ":, unixsum=:AA==:";
        assertTrue(ContentDigest.parse(both).matches(sha("SHA-256"), sha("SHA-512")));
        String wrong512 = "sha-256=:" + b64(sha("SHA-256")) + ":, sha-512=:" + b64(new byte[64]) + ":";
        assertFalse(ContentDigest.parse(wrong512).matches(sha("SHA-256"), sha("SHA-512")));
    }

    @Test
    void refusesMissingMalformedOrUnsupportedHeaders() {
        assertThrows(IllegalArgumentException.class, () -> ContentDigest.parse(null));
        assertThrows(IllegalArgumentException.class, () -> ContentDigest.parse("sha-256"));
        assertThrows(IllegalArgumentException.class, () -> ContentDigest.parse("sha-256=abc"));
        assertThrows(IllegalArgumentException.class, () -> ContentDigest.parse("sha-256=:!!!:"));
        assertThrows(IllegalArgumentException.class, () -> ContentDigest.parse("md5=:AAAA:"));
    }

    private static byte[] sha(String algorithm) throws Exception {
        return MessageDigest.getInstance(algorithm).digest(BODY);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
