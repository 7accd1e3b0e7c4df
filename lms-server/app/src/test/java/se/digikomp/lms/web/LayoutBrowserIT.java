package se.digikomp.lms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.Browser;
import se.digikomp.lms.testing.LmsServer;

/** The layout's public pages in a real browser: axe in both languages at both sizes, the language switch. */
@ExtendWith({LmsServer.class, Browser.class})
class LayoutBrowserIT {

    private final LmsServer.Instance server = LmsServer.shared();

    @Test
    void publicPagesHaveNoSeriousAccessibilityViolationsInEitherLanguage() {
        for (String language : List.of("sv", "en")) {
            try (BrowserContext context = Browser.shared().newContext(language)) {
                Page page = context.newPage();
                for (String path : List.of("/", "/accessibility")) {
                    page.navigate(server.uri(path).toString());
                    assertEquals(language, page.locator("html").getAttribute("lang"), path);
                    Browser.assertNoSeriousAxeViolations(page);
                }
            }
        }
    }

    @Test
    void theLanguageSwitchWorksWithoutJavaScriptAndIsRemembered() {
        try (BrowserContext context = Browser.shared().newContextWithoutScript("sv-SE")) {
            Page page = context.newPage();
            page.navigate(server.uri("/accessibility").toString());
            assertEquals("sv", page.locator("html").getAttribute("lang"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
            page.waitForURL(server.uri("/accessibility").toString());
            assertEquals("en", page.locator("html").getAttribute("lang"));
            assertEquals("Accessibility of Digikomp", page.locator("h1").textContent());
            page.navigate(server.uri("/").toString());
            assertEquals("en", page.locator("html").getAttribute("lang"), "the choice outlives the page");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Svenska")).click();
            assertEquals("sv", page.locator("html").getAttribute("lang"));
        }
    }

    @Test
    void theSkipLinkLeadsToTheMainContent() {
        try (BrowserContext context = Browser.shared().newContext("sv")) {
            Page page = context.newPage();
            page.navigate(server.uri("/").toString());
            page.keyboard().press("Tab");
            assertEquals("Hoppa till huvudinnehållet", (String) page.evaluate("() => document.activeElement.textContent"));
            page.keyboard().press("Enter");
            assertEquals("main", (String) page.evaluate("() => document.activeElement.id"));
        }
    }
}
