package se.digikomp.lms.testing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Signing in through the real sign-in page in a browser test. */
public final class SignIn {

    private SignIn() {
    }

    /** Signs in on /login and waits for the page after it (the start page). */
    public static void as(Page page, LmsServer.Instance server, String username, String password) {
        page.navigate(server.uri("/login").toString());
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#sign-in").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Signs out with the layout's button. */
    public static void out(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(
                "sv".equals(page.locator("html").getAttribute("lang")) ? "Logga ut" : "Sign out")).click();
        page.waitForURL(url -> url.contains("/login"));
    }
}
