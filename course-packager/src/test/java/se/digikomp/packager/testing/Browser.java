package se.digikomp.packager.testing;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium (/usr/bin/chromium) driven by Playwright, never a downloaded browser
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1), plus the axe-core check used by the accessibility tests.
 *
 * <p>axe runs in the page itself: its script (the axe-core jar's {@code axe.min.js}, the engine the AxeBuilder of
 * com.deque.html.axe-core uses) is evaluated once per document, not before every check, and the page hands back only
 * the serious and critical violations as short lines. Every rule of the requested tags still runs on the whole
 * document ({@code resultTypes: ['violations']} only leaves out the details of passes and inapplicable rules, which
 * the tests never read). A check can be started on one page and collected later ({@link #startAxe},
 * {@link #awaitAxe}), so that several pages, each in its own browser context and renderer process, are checked at the
 * same time from the one thread Playwright allows.
 */
public final class Browser implements AutoCloseable {
    /** A phone's viewport in CSS pixels (390 x 844, as on many current phones). */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** True when something on the page scrolls sideways (a code block or table wider than its column). */
    public static final String SCROLLS_SIDEWAYS = "() => [...document.querySelectorAll('body *')].some(e => "
            + "e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))";
    private static final String AXE_SOURCE = axeSource();
    private static final String START = """
            ([tags, rules]) => {
              const runOnly = rules.length ? {type: 'rule', values: rules} : {type: 'tag', values: tags};
              window.__dkAxe = axe.run(document, {runOnly, resultTypes: ['violations']}).then(r => r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.id + ' (' + v.impact + '): ' + JSON.stringify(v.nodes.map(n => n.target))));
              window.__dkAxe.catch(() => {});
              return true;
            }""";
    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        // pages checked side by side keep running at full speed
                        "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                        "--disable-backgrounding-occluded-windows")));
    }

    /** A page in a browser context of its own (own storage, own renderer process). */
    public Page newPage() {
        return browser.newContext().newPage();
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe finds on the page, as "rule: target" lines. */
    public static List<String> seriousViolations(Page page) {
        startAxe(page);
        return awaitAxe(page);
    }

    /** Starts axe with the WCAG 2.1 A/AA rules on the page and returns at once; {@link #awaitAxe} collects. */
    public static void startAxe(Page page) {
        startAxe(page, List.of());
    }

    /** Starts axe with only the given rules (all WCAG 2.1 A/AA rules when empty) and returns at once. */
    public static void startAxe(Page page, List<String> rules) {
        // axe checks the main document only; a frame would need axe in it too (as AxeBuilder does), and the player has none
        if (page.frames().size() != 1) {
            throw new IllegalStateException("the page has frames, which this axe check does not reach: " + page.url());
        }
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate("() => {" + AXE_SOURCE + "\n}");
        }
        page.evaluate(START, Arrays.asList(WCAG_21_AA, rules));
    }

    /** The serious and critical violations of the axe run started on the page, waiting for it to end. */
    @SuppressWarnings("unchecked")
    public static List<String> awaitAxe(Page page) {
        return List.copyOf((List<String>) page.evaluate("() => window.__dkAxe"));
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the class path (com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
