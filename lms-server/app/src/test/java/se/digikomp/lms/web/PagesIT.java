package se.digikomp.lms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;

/** The layout's pages over plain HTTP: language, headers, what the HTML may contain. */
@ExtendWith(LmsServer.class)
class PagesIT {

    private static final List<String> PAGES = List.of("/", "/accessibility", "/login");
    private static final Pattern STYLESHEET = Pattern.compile("<link[^>]+rel=\"stylesheet\"[^>]+href=\"([^\"]+)\"");

    private final LmsServer.Instance server = LmsServer.shared();

    private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
        var request = server.request(path);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        HttpResponse<String> response = server.send(request.build());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response;
    }

    @Test
    void pagesAreInSwedishWhenTheBrowserSaysNothingOrAsksForALanguageWeLack() throws Exception {
        assertTrue(get("/", null).body().contains("lang=\"sv\""));
        assertTrue(get("/", "de-DE, fr;q=0.8").body().contains("<h1 class=\"ds-heading\" data-size=\"lg\">Digital"
                + " kompetens för offentlig sektor</h1>"));
    }

    @Test
    void pagesAreInTheBrowsersFirstLanguageWeHave() throws Exception {
        String english = get("/", "de-DE, en-GB;q=0.8, sv;q=0.5").body();
        assertTrue(english.contains("Digital competence for the public sector"), english);
        assertTrue(english.matches("(?s).*<html[^>]*lang=\"en\".*"));
        assertTrue(get("/accessibility", "sv-SE, en;q=0.9").body().contains("Tillsyn"));
    }

    @Test
    void everyPageHasTheLayoutsLandmarksSkipLinkAndAccessibilityStatementLink() throws Exception {
        for (String path : PAGES) {
            String page = get(path, "sv").body();
            assertTrue(page.contains("<a class=\"ds-skip-link\" href=\"#main\">"), path);
            assertTrue(page.contains("<header"), path);
            assertTrue(page.contains("<main id=\"main\""), path);
            assertTrue(page.contains("<footer"), path);
            assertTrue(page.contains("href=\"/accessibility\""), path);
            assertTrue(page.contains("lang=\"en\""), path + " offers English");
        }
    }

    @Test
    void pagesCarryNoInlineScriptAndNoEventHandlerAttributes() throws Exception {
        for (String path : PAGES) {
            String page = get(path, "en").body();
            assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page).find(), path + ": " + page);
            assertFalse(Pattern.compile("\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                    path + ": " + page);
            assertFalse(page.contains("style=\""), path + ": inline style is refused by the CSP");
        }
    }

    @Test
    void theStylesheetsComeFromThisServerAndMayBeCached() throws Exception {
        String page = get("/", "sv").body();
        Matcher links = STYLESHEET.matcher(page);
        int count = 0;
        while (links.find()) {
            String href = links.group(1).replace("&amp;", "&");
            assertTrue(href.startsWith("/"), "served by us, never a CDN: " + href);
            HttpResponse<String> css = get(href, null);
            assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"), href);
            assertFalse(css.headers().firstValue("Cache-Control").orElse("").contains("no-store"), href);
            count++;
        }
        assertEquals(3, count, "Designsystemet, its theme and ours: " + page);
        assertTrue(get("/faces/jakarta.faces.resource/css/index.css?ln=ds", null).body().contains(".ds-button"));
    }

    @Test
    void theAccessibilityStatementFollowsDiggsModelInBothLanguages() throws Exception {
        String swedish = get("/accessibility", "sv").body();
        for (String section : List.of("Hur tillgänglig är webbplatsen?", "Innehåll som inte är tillgängligt",
                "Rapportera brister", "Tillsyn", "Hur vi testat webbplatsen", "Senaste bedömningen gjordes den")) {
            assertTrue(swedish.contains(section), section);
        }
        assertTrue(swedish.contains("href=\"https://www.digg.se/tdosanmalan\""));
        String english = get("/accessibility", "en").body();
        for (String section : List.of("How accessible is this website?", "Content that is not accessible",
                "Reporting accessibility problems", "Enforcement", "How we tested the website",
                "The most recent assessment was made on")) {
            assertTrue(english.contains(section), section);
        }
    }

    @Test
    void securityHeadersOnPagesApiAndErrors() throws Exception {
        for (String path : List.of("/", "/accessibility", "/api/accounts/me", "/api/no-such-thing",
                "/faces/jakarta.faces.resource/digikomp.css?ln=web")) {
            HttpResponse<String> response = server.send(server.request(path).build());
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe-inline"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'self'"), path + ": " + csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(),
                    path + ": no HSTS over plain HTTP");
        }
    }

    @Test
    void aForwardedHttpsIsNotBelievedUnlessConfigured() throws Exception {
        HttpResponse<String> response = server.send(server.request("/").header("X-Forwarded-Proto", "https").build());
        assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty());
    }

    @Test
    void pagesAndApiAnswersAreNotStored() throws Exception {
        for (String path : PAGES) {
            assertEquals("no-store", get(path, "sv").headers().firstValue("Cache-Control").orElse(""), path);
        }
        HttpResponse<String> api = server.send(server.request("/api/accounts/me")
                .header("Authorization", LmsServer.basicAuth("learner", "demo-learner")).build());
        assertEquals(200, api.statusCode());
        assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(""));
    }
}
