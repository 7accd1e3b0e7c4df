package se.digikomp.packager.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.HtmlRenderer;

/** Reads {@code <lang>/glossary.md}: a level-1 title, then one {@code ## id: Term} heading per term. */
final class GlossaryReader {
    private static final Pattern TERM = Pattern.compile("^([a-z0-9-]+):\\s*(.+)$");
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(Markdown.EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    private GlossaryReader() {
    }

    static Glossary read(Path file, String text, Problems problems) {
        Node document = Markdown.PARSER.parse(text);
        String title = "";
        Map<String, Glossary.Term> terms = new LinkedHashMap<>();
        String id = null;
        String term = null;
        StringBuilder html = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading h && h.getLevel() == 1) {
                title = Markdown.plainText(h);
                continue;
            }
            if (node instanceof Heading h && h.getLevel() == 2) {
                add(file, terms, id, term, html, plain, problems, h);
                Matcher m = TERM.matcher(Markdown.plainText(h));
                if (!m.matches()) {
                    problems.add(file, Markdown.line(h), "a glossary term is a level-2 heading `id: Term` with id "
                            + "[a-z0-9-]+");
                    id = null;
                    continue;
                }
                if (terms.containsKey(m.group(1))) {
                    problems.add(file, Markdown.line(h), "duplicate glossary id: " + m.group(1));
                }
                id = m.group(1);
                term = m.group(2).strip();
                html.setLength(0);
                plain.setLength(0);
                continue;
            }
            if (id == null) {
                problems.add(file, Markdown.line(node), "text before the first term (## id: Term)");
                continue;
            }
            warnAboutFrontPageLinks(file, node, problems);
            html.append(RENDERER.render(node));
            plain.append(plain.length() == 0 ? "" : " ").append(Markdown.plainText(node));
        }
        add(file, terms, id, term, html, plain, problems, null);
        return new Glossary(title, terms);
    }

    private static void warnAboutFrontPageLinks(Path file, Node node, Problems problems) {
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (FrontPageLinks.isFrontPage(link.getDestination())) {
                    problems.warn(file, Markdown.line(link), FrontPageLinks.message(link.getDestination()));
                }
                visitChildren(link);
            }
        });
    }

    private static void add(Path file, Map<String, Glossary.Term> terms, String id, String term, StringBuilder html,
            StringBuilder plain, Problems problems, Heading next) {
        if (id == null) {
            return;
        }
        if (plain.length() == 0) {
            problems.add(file, next == null ? 1 : Markdown.line(next), "glossary term " + id + " has no definition");
        }
        terms.put(id, new Glossary.Term(id, term, html.toString(), plain.toString()));
    }
}
