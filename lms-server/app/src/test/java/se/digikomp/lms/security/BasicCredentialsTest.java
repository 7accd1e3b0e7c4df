package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 7617 credentials parsing. */
class BasicCredentialsTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColonSoPasswordsMayContainColons() {
        assertArrayEquals(new String[] {"admin", "a:b:c"},
                BasicCredentials.parse(basic("admin:a:b:c")).orElseThrow());
    }

    @Test
    void schemeIsCaseInsensitiveAndCredentialsAreUtf8() {
        String header = "basic " + Base64.getEncoder().encodeToString("åsa:lösen".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new String[] {"åsa", "lösen"}, BasicCredentials.parse(header).orElseThrow());
    }

    @Test
    void rejectsWhatIsNotBasicCredentials() {
        assertTrue(BasicCredentials.parse(null).isEmpty());
        assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
        assertTrue(BasicCredentials.parse("Basic !!!not-base64").isEmpty());
        assertTrue(BasicCredentials.parse(basic("no-colon")).isEmpty());
        assertTrue(BasicCredentials.parse(basic(":password-without-user")).isEmpty());
    }
}
