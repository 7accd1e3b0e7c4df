package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 7617 credentials parsing. */
class BasicAuthenticationFilterTest {

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsAtTheFirstColonSoPasswordsMayContainColons() {
        assertArrayEquals(new String[] {"admin", "a:b:c"},
                BasicAuthenticationFilter.credentials(basic("admin:a:b:c")).orElseThrow());
    }

    @Test
    void schemeIsCaseInsensitiveAndCredentialsAreUtf8() {
        String header = "basic " + Base64.getEncoder().encodeToString("åsa:lösen".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new String[] {"åsa", "lösen"}, BasicAuthenticationFilter.credentials(header).orElseThrow());
    }

    @Test
    void rejectsWhatIsNotBasicCredentials() {
        assertTrue(BasicAuthenticationFilter.credentials(null).isEmpty());
        assertTrue(BasicAuthenticationFilter.credentials("Bearer abc").isEmpty());
        assertTrue(BasicAuthenticationFilter.credentials("Basic !!!not-base64").isEmpty());
        assertTrue(BasicAuthenticationFilter.credentials(basic("no-colon")).isEmpty());
        assertTrue(BasicAuthenticationFilter.credentials(basic(":password-without-user")).isEmpty());
    }
}
