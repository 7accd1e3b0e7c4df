package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LmsAuthenticationMechanismTest {

    @Test
    void pagesNeedASignedInPersonUnlessPublic() {
        assertTrue(LmsAuthenticationMechanism.isProtectedPage("/profile"));
        assertTrue(LmsAuthenticationMechanism.isProtectedPage("/org/people"));
        for (String open : new String[] {"/", "/index", "/login", "/accessibility", "/expired", "/error"}) {
            assertFalse(LmsAuthenticationMechanism.isProtectedPage(open), open);
        }
    }

    @Test
    void theApiResourcesLrsHealthAndOpenApiAreNotPages() {
        for (String path : new String[] {"/api/units", "/faces/jakarta.faces.resource/css/index.css", "/xapi/about",
                "/health/ready", "/openapi", "/logout"}) {
            assertFalse(LmsAuthenticationMechanism.isProtectedPage(path), path);
        }
    }
}
