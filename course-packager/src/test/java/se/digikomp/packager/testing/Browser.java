package se.digikomp.packager.testing;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ViewportSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium (/usr/bin/chromium) driven by Playwright, never a downloaded browser
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1), plus the axe-core check used by the accessibility tests.
 */
public final class Browser implements AutoCloseable {
    /** A phone's viewport in CSS pixels (390 x 844, as on many current phones). */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** True when something on the page scrolls sideways (a code block or table wider than its column). */
    private static final String SCROLLS_SIDEWAYS = "() => [...document.querySelectorAll('body *')].some(e => "
            + "e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))";
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    public Page newPage() {
        return browser.newContext().newPage();
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe finds on the page, as "rule: target" lines. */
    public static List<String> seriousViolations(Page page) {
        return seriousViolations(new AxeBuilder(page).withTags(WCAG_21_AA));
    }

    private static List<String> seriousViolations(AxeBuilder axe) {
        List<Rule> violations = axe.analyze().getViolations();
        return violations.stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    /**
     * The page at phone size. A problem when the page itself is wider than the screen (WCAG 1.4.10 Reflow). Where a
     * code block is, every serious axe violation; elsewhere, when something scrolls sideways (a wide table), whether it
     * is reachable by keyboard (axe's scrollable-region-focusable alone, which is quick). The viewport is restored.
     */
    public static List<String> phoneProblems(Page page) {
        ViewportSize before = page.viewportSize();
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        try {
            List<String> found = new ArrayList<>();
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (width > PHONE_WIDTH) {
                found.add("reflow (WCAG 1.4.10): the page is " + width + " px wide at " + PHONE_WIDTH + " px");
            }
            List<String> violations = List.of();
            if (page.locator("pre:visible").count() > 0) {
                violations = seriousViolations(new AxeBuilder(page).withTags(WCAG_21_AA));
            } else if (Boolean.TRUE.equals(page.evaluate(SCROLLS_SIDEWAYS))) {
                violations = seriousViolations(new AxeBuilder(page).withRules(List.of("scrollable-region-focusable")));
            }
            violations.forEach(v -> found.add("at " + PHONE_WIDTH + "x" + PHONE_HEIGHT + ": " + v));
            return found;
        } finally {
            page.setViewportSize(before.width, before.height);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
