package se.digikomp.lms.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real browser for page tests: ONE headless Debian Chromium ({@code /usr/bin/chromium}, never a downloaded
 * browser) per test JVM, driven by Playwright and shared by every browser IT, next to the shared
 * {@link LmsServer}. Each test takes a fresh {@link BrowserContext} (own cookies), so tests do not see each
 * other's sessions.
 *
 * <pre>
 * &#64;ExtendWith({LmsServer.class, Browser.class})
 * class ProfilePageIT {
 *     &#64;Test void showsTheProfile() {
 *         try (BrowserContext context = Browser.shared().newContext("sv")) {
 *             Page page = context.newPage();
 *             page.navigate(LmsServer.shared().uri("/login").toString());
 *             ...
 *             Browser.assertNoSeriousAxeViolations(page);
 *         }
 *     }
 * }
 * </pre>
 */
public final class Browser implements BeforeAllCallback {

    /** A phone's viewport in CSS pixels. */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);
    private static volatile Instance shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Instance.class, k -> new Instance(), Instance.class);
    }

    public static Instance shared() {
        if (shared == null) {
            throw new IllegalStateException("add @ExtendWith(Browser.class) to the test class");
        }
        return shared;
    }

    /**
     * Fails with every serious or critical WCAG 2.1 A/AA violation axe finds on the page, at desktop size and at
     * 390 px (where the page must also not be wider than the screen, WCAG 1.4.10). The viewport is restored.
     */
    public static void assertNoSeriousAxeViolations(Page page) {
        var before = page.viewportSize();
        List<String> found = new ArrayList<>();
        try {
            page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
            seriousViolations(page).forEach(v -> found.add("desktop: " + v));
            page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (width > PHONE_WIDTH) {
                found.add("reflow (WCAG 1.4.10): the page is " + width + " px wide at " + PHONE_WIDTH + " px");
            }
            seriousViolations(page).forEach(v -> found.add(PHONE_WIDTH + " px: " + v));
        } finally {
            if (before != null) {
                page.setViewportSize(before.width, before.height);
            }
        }
        assertEquals(List.of(), found, "accessibility problems on " + page.url());
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe finds on the page, as "rule (impact): targets". */
    public static List<String> seriousViolations(Page page) {
        List<Rule> violations = new AxeBuilder(page).withTags(WCAG_21_AA).analyze().getViolations();
        return violations.stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).toList())
                .toList();
    }

    /** The shared browser, closed when the JVM's tests are done. */
    public static final class Instance implements ExtensionContext.Store.CloseableResource {

        private final Playwright playwright;
        private final com.microsoft.playwright.Browser browser;

        private Instance() {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Path.of("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        }

        /** A fresh context (no cookies) whose browser asks for the language {@code acceptLanguage} first. */
        public BrowserContext newContext(String acceptLanguage) {
            return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setLocale(acceptLanguage)
                    .setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT));
        }

        /** A fresh context with JavaScript switched off: every page except the course players must work so. */
        public BrowserContext newContextWithoutScript(String acceptLanguage) {
            return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setLocale(acceptLanguage)
                    .setJavaScriptEnabled(false)
                    .setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT));
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
