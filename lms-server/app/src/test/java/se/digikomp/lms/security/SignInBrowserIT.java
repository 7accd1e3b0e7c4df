package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.Browser;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.SignIn;

/** Signing in and out in a real browser, with axe on the sign-in and profile pages in both languages. */
@ExtendWith({LmsServer.class, Browser.class})
class SignInBrowserIT {

    private final LmsServer.Instance server = LmsServer.shared();

    @Test
    void aWrongPasswordThenTheRightOneThenSignOutWithTheKeyboardAndWithoutScript() {
        try (BrowserContext context = Browser.shared().newContextWithoutScript("sv-SE")) {
            Page page = context.newPage();
            page.navigate(server.uri("/profile").toString());
            assertTrue(page.url().contains("/login?next="), page.url());
            page.locator("#username").fill("learner");
            page.locator("#password").fill("fel-lösenord");
            page.locator("#password").press("Enter");
            assertEquals("Fel användarnamn eller lösenord.", page.locator(".ds-error-summary li").textContent().trim());
            assertTrue(page.title().startsWith("Fel: "));
            page.locator("#password").fill("demo-learner");
            page.locator("#sign-in").click();
            page.waitForURL(server.uri("/profile").toString());
            assertEquals("learner", page.locator("dd").first().textContent());
            SignIn.out(page);
            assertTrue(page.locator("main").textContent().contains("Du är utloggad."));
            page.navigate(server.uri("/profile").toString());
            assertTrue(page.url().contains("/login"), "signed out: " + page.url());
        }
    }

    @Test
    void theSignInAndProfilePagesPassAxeInBothLanguagesWithErrorsAndTokens() throws Exception {
        for (String language : List.of("sv", "en")) {
            try (BrowserContext context = Browser.shared().newContext(language)) {
                Page page = context.newPage();
                page.navigate(server.uri("/login").toString());
                Browser.assertNoSeriousAxeViolations(page);
                page.locator("#sign-in").click();
                assertEquals(2, page.locator(".ds-error-summary li").count(), "both fields are named");
                Browser.assertNoSeriousAxeViolations(page);
                SignIn.as(page, server, "author", "demo-author");
                page.navigate(server.uri("/profile").toString());
                page.locator("#token-name").fill("axe " + language);
                page.locator("#token-expires").fill(LocalDate.now().plusDays(10).toString());
                page.locator("#create-token").click();
                assertTrue(page.locator("#new-token").textContent().startsWith("dkt_"));
                Browser.assertNoSeriousAxeViolations(page);
                page.locator("#create-token").click();
                assertTrue(page.locator(".ds-error-summary").isVisible(), "an empty name is named");
                Browser.assertNoSeriousAxeViolations(page);
            }
        }
    }

    @Test
    void theLanguageChosenOnTheProfileIsStoredOnTheAccountAndUsedAtTheNextSignIn() throws Exception {
        long account = SignInIT.account("lang-" + System.nanoTime() % 100000, "lang-password", "LEARNER");
        String username = username(account);
        try (BrowserContext context = Browser.shared().newContext("sv")) {
            Page page = context.newPage();
            SignIn.as(page, server, username, "lang-password");
            page.navigate(server.uri("/profile").toString());
            page.locator("#language-choice").selectOption("en");
            page.locator("#save-language").click();
            assertEquals("en", page.locator("html").getAttribute("lang"));
            assertEquals("Your language has been saved.", page.locator(".ds-alert").textContent().trim());
        }
        assertEquals(1, SignInIT.count("SELECT COUNT(*) FROM account WHERE id = " + account + " AND language = 'en'"));
        try (BrowserContext context = Browser.shared().newContext("sv")) {
            Page page = context.newPage();
            SignIn.as(page, server, username, "lang-password");
            assertEquals("en", page.locator("html").getAttribute("lang"), "the stored choice beats Accept-Language");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Svenska")).click();
            assertEquals("sv", page.locator("html").getAttribute("lang"));
        }
        assertEquals(1, SignInIT.count("SELECT COUNT(*) FROM account WHERE id = " + account + " AND language = 'sv'"),
                "the header's switch stores the choice too");
    }

    @Test
    void anExpiredSessionShowsTheSignInPageWithItsReason() throws Exception {
        long account = SignInIT.account("exp-" + System.nanoTime() % 100000, "exp-password", "LEARNER");
        try (BrowserContext context = Browser.shared().newContext("en")) {
            Page page = context.newPage();
            SignIn.as(page, server, username(account), "exp-password");
            SignInIT.sql("UPDATE sign_in_session SET last_seen_at = last_seen_at - INTERVAL 2 HOUR"
                    + " WHERE account_id = " + account);
            page.navigate(server.uri("/profile").toString());
            assertTrue(page.url().contains("/login"), page.url());
            assertTrue(page.locator("main").textContent().contains("You were inactive for too long"));
        }
    }

    private static String username(long account) throws Exception {
        try (var db = se.digikomp.lms.testing.TestDatabase.shared().connect(LmsServer.shared().schema());
             var sql = db.createStatement();
             var row = sql.executeQuery("SELECT username FROM account WHERE id = " + account)) {
            row.next();
            return row.getString(1);
        }
    }
}
