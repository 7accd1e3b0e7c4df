package se.digikomp.lms.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.Browser;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.SignIn;
import se.digikomp.lms.testing.TestDatabase;

/** The audit log, "My data" and a person's data pages in a real browser: axe, roles, the erasure form. */
@ExtendWith({LmsServer.class, Browser.class})
class PrivacyPagesBrowserIT {

    private final LmsServer.Instance server = LmsServer.shared();

    @Test
    void thePagesHaveNoSeriousAccessibilityViolationsInEitherLanguage() throws Exception {
        Accounts.Made person = Accounts.person(server, Accounts.demoOrganisation(server), "LEARNER");
        for (String language : List.of("sv", "en")) {
            try (BrowserContext context = Browser.shared().newContext(language)) {
                Page page = context.newPage();
                SignIn.as(page, server, "admin", "demo-admin");
                for (String path : List.of("/audit/log", "/audit/log?action=SIGN_IN", "/privacy/my-data",
                        "/privacy/person?id=" + person.personId(), "/profile")) {
                    Response response = page.navigate(server.uri(path).toString());
                    assertEquals(200, response.status(), path);
                    assertEquals(language, page.locator("html").getAttribute("lang"), path);
                    Browser.assertNoSeriousAxeViolations(page);
                }
            }
        }
    }

    @Test
    void onlyHrAndAdministratorsReachTheLogAndAPersonsData() {
        try (BrowserContext context = Browser.shared().newContext("en")) {
            Page page = context.newPage();
            SignIn.as(page, server, "learner", "demo-learner");
            assertEquals(403, page.navigate(server.uri("/audit/log").toString()).status());
            assertEquals(403, page.navigate(server.uri("/privacy/person?id=1").toString()).status());
            assertEquals(200, page.navigate(server.uri("/privacy/my-data").toString()).status());
        }
        try (BrowserContext context = Browser.shared().newContext("en")) {
            Page page = context.newPage();
            SignIn.as(page, server, "hr", "demo-hr");
            assertEquals(200, page.navigate(server.uri("/audit/log").toString()).status());
            assertTrue(page.locator("#audit-events").isVisible(), "HR signed in, so there are events");
        }
    }
}
