package se.digikomp.packager.source;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Web links that lead only to a site's front page ({@code https://www.riksdagen.se/}, {@code https://eur-lex.europa.eu}):
 * a reader cannot check a claim against a front page, so {@code validate} warns and asks for the exact text
 * (docs/course-format.md, "Sources").
 */
final class FrontPageLinks {
    static final String ADVICE = "link the exact text instead: the SFS number on riksdagen.se, the EUR-Lex ELI "
            + "address with the article, the authority's own page for the rule";

    private FrontPageLinks() {
    }

    /** True for an http(s) address with a host and nothing after it but an optional "/". */
    static boolean isFrontPage(String url) {
        if (!(url.startsWith("https:") || url.startsWith("http:"))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath();
            return uri.getHost() != null && (path == null || path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String message(String url) {
        return "the link goes only to a site's front page: " + url + " (" + ADVICE + ")";
    }
}
