package se.digikomp.packager.source;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders the course-format constructs that plain CommonMark does not know: callouts, figures with captions,
 * captioned audio and video, glossary terms, downloads and links between lessons (docs/course-format.md), and code
 * blocks and tables that scroll sideways and so must be reachable by keyboard. It is registered before the
 * extensions, so that it wraps tables; their rows and cells are the tables extension's.
 * Every reference is checked as it is rendered; problems are reported at their line.
 */
final class LessonNodeRenderer implements NodeRenderer {
    static final Set<String> CALLOUTS = Set.of("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION", "EXAMPLE");
    static final Pattern CALLOUT = Pattern.compile("^\\[!([A-Za-z]+)\\][ \\t]*\\n?");
    private static final Set<String> IMAGES = Set.of("svg", "png", "jpg", "jpeg", "gif", "webp");
    private static final Set<String> VIDEO = Set.of("mp4", "webm", "ogv");
    private static final Set<String> AUDIO = Set.of("mp3", "m4a", "oga", "ogg", "wav");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    private final LessonContext lesson;

    LessonNodeRenderer(HtmlNodeRendererContext context, LessonContext lesson) {
        this.context = context;
        this.html = context.getWriter();
        this.lesson = lesson;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Paragraph.class, Image.class, Link.class, BlockQuote.class, HtmlBlock.class,
                HtmlInline.class, FencedCodeBlock.class, IndentedCodeBlock.class, TableBlock.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof Paragraph p) {
            paragraph(p);
        } else if (node instanceof Image image) {
            image(image, false);
        } else if (node instanceof Link link) {
            link(link);
        } else if (node instanceof BlockQuote quote) {
            blockQuote(quote);
        } else if (node instanceof HtmlBlock block) {
            rawHtml(block.getLiteral(), node);
        } else if (node instanceof HtmlInline inline) {
            rawHtml(inline.getLiteral(), node);
        } else if (node instanceof FencedCodeBlock code) {
            codeBlock(code.getLiteral(), code.getInfo());
        } else if (node instanceof IndentedCodeBlock code) {
            codeBlock(code.getLiteral(), null);
        } else if (node instanceof TableBlock table) {
            table(table);
        }
    }

    private void rawHtml(String literal, Node node) {
        if (!literal.strip().startsWith("<!--")) {
            lesson.problem(Markdown.line(node), "raw HTML is not part of the course format, write Markdown: "
                    + abbreviate(literal.strip()));
        }
    }

    private void paragraph(Paragraph p) {
        Node only = p.getFirstChild();
        if (only instanceof Image image && only.getNext() == null) {
            image(image, true);
            return;
        }
        boolean tight = p.getParent() instanceof org.commonmark.node.ListItem item
                && item.getParent() instanceof org.commonmark.node.ListBlock list && list.isTight();
        if (!tight) {
            html.line();
            html.tag("p");
        }
        renderChildren(p);
        if (!tight) {
            html.tag("/p");
            html.line();
        }
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }

    // ---- code blocks and tables ----

    /**
     * A code block keeps its lines (indentation carries meaning) and scrolls sideways when it is wider than the
     * screen, as it is on a phone or at 400 % zoom. A scrolling area must be reachable by keyboard (WCAG 2.1.1), so
     * the block is focusable, with the focus outline of the page, and a named region in the page's language, so a
     * screen reader says what received the focus.
     */
    private void codeBlock(String literal, String info) {
        Map<String, String> pre = attrs("class", "dk-code", "tabindex", "0", "role", "region", "aria-label",
                lesson.ui("code"));
        Map<String, String> code = new LinkedHashMap<>();
        String language = info == null || info.isBlank() ? "" : info.strip().split("\\s+")[0];
        if (!language.isEmpty()) {
            code.put("class", "language-" + language);
        }
        html.line();
        html.tag("pre", pre);
        html.tag("code", code);
        html.text(literal);
        html.tag("/code");
        html.tag("/pre");
        html.line();
    }

    /** A table scrolls sideways in a focusable, named region for the same reason; the table keeps its semantics. */
    private void table(TableBlock table) {
        html.line();
        html.tag("div", attrs("class", "dk-table", "tabindex", "0", "role", "region", "aria-label", lesson.ui("table")));
        html.tag("table");
        renderChildren(table);
        html.tag("/table");
        html.tag("/div");
        html.line();
    }

    // ---- callouts: GitHub alerts, "> [!NOTE]" ----

    private void blockQuote(BlockQuote quote) {
        Optional<String> kind = calloutKind(quote);
        if (kind.isEmpty()) {
            html.line();
            html.tag("blockquote");
            renderChildren(quote);
            html.tag("/blockquote");
            html.line();
            return;
        }
        String k = kind.get();
        if (!CALLOUTS.contains(k)) {
            lesson.problem(Markdown.line(quote), "unknown callout [!" + k + "], use one of NOTE, TIP, IMPORTANT, "
                    + "WARNING, CAUTION, EXAMPLE (CORRECT and INCORRECT only after a question's answers)");
            return;
        }
        stripCalloutMarker(quote);
        String labelId = lesson.nextId("callout");
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("class", "dk-callout dk-callout-" + k.toLowerCase(Locale.ROOT));
        attrs.put("role", "note");
        attrs.put("aria-labelledby", labelId);
        html.line();
        html.tag("aside", attrs);
        html.tag("p", attrs("class", "dk-callout-label", "id", labelId));
        html.text(lesson.ui(k));
        html.tag("/p");
        renderChildren(quote);
        html.tag("/aside");
        html.line();
    }

    /** The kind of a callout ("NOTE") when the quote starts with {@code [!KIND]}. */
    static Optional<String> calloutKind(BlockQuote quote) {
        if (quote.getFirstChild() instanceof Paragraph p && p.getFirstChild() instanceof Text t) {
            Matcher m = CALLOUT.matcher(t.getLiteral());
            if (m.find()) {
                return Optional.of(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** Removes the {@code [!KIND]} marker (and an emptied first paragraph) from a callout. */
    static void stripCalloutMarker(BlockQuote quote) {
        Paragraph p = (Paragraph) quote.getFirstChild();
        Text t = (Text) p.getFirstChild();
        String rest = CALLOUT.matcher(t.getLiteral()).replaceFirst("");
        if (rest.isEmpty()) {
            Node next = t.getNext();
            t.unlink();
            while (next instanceof org.commonmark.node.SoftLineBreak) {
                Node after = next.getNext();
                next.unlink();
                next = after;
            }
            if (p.getFirstChild() == null) {
                p.unlink();
            }
        } else {
            t.setLiteral(rest);
        }
    }

    // ---- images, figures, audio, video ----

    private void image(Image image, boolean standalone) {
        int line = Markdown.line(image);
        String alt = Markdown.plainText(image);
        String src = image.getDestination();
        String title = image.getTitle();
        if (alt.isEmpty()) {
            lesson.problem(line, "missing alt text: describe what the image shows, or write `decorative`: " + src);
        }
        if (SCHEME.matcher(src).find()) {
            lesson.problem(line, "media must be packaged in assets/, not loaded from the internet: " + src);
            return;
        }
        String extension = extension(src);
        boolean video = VIDEO.contains(extension);
        boolean audio = AUDIO.contains(extension);
        if (!IMAGES.contains(extension) && !video && !audio) {
            lesson.problem(line, "unsupported media type ." + extension + " (images: svg png jpg gif webp; video: "
                    + "mp4 webm ogv; audio: mp3 m4a ogg oga wav): " + src);
            return;
        }
        Optional<String> asset = asset(src, line);
        if (asset.isEmpty()) {
            return;
        }
        String href = "../" + asset.get();
        if (video || audio) {
            media(asset.get(), href, alt, title, video, line);
            return;
        }
        Map<String, String> imgAttrs = new LinkedHashMap<>();
        imgAttrs.put("src", href);
        imgAttrs.put("alt", "decorative".equalsIgnoreCase(alt) ? "" : alt);
        imgAttrs.put("loading", "lazy");
        if (!standalone) {
            if (title != null && !title.isBlank()) {
                imgAttrs.put("title", title);
            }
            html.tag("img", imgAttrs, true);
            return;
        }
        html.line();
        html.tag("figure", Map.of("class", "dk-figure"));
        html.tag("img", imgAttrs, true);
        if (title != null && !title.isBlank()) {
            html.tag("figcaption");
            html.text(title);
            html.tag("/figcaption");
        }
        html.tag("/figure");
        html.line();
    }

    private void media(String asset, String href, String alt, String title, boolean video, int line) {
        String base = asset.substring(0, asset.lastIndexOf('.'));
        String captions = base + "." + lesson.language + ".vtt";
        Optional<String> vtt = lesson.files.resolve(lesson.file, "../" + captions, line, new Problems());
        if (vtt.isEmpty()) {
            lesson.problem(line, "missing captions: " + (video ? "video" : "audio") + " needs a WebVTT file "
                    + captions + " for language " + lesson.language);
            return;
        }
        lesson.files.readText(lesson.files.courseDir().resolve(captions), lesson.problems).ifPresent(text -> {
            if (!text.startsWith("WEBVTT")) {
                lesson.problems.add(lesson.files.courseDir().resolve(captions), 1,
                        "captions must be WebVTT: the file starts with WEBVTT");
            }
        });
        lesson.assets.add(captions);
        String captionId = lesson.nextId("media");
        html.line();
        html.tag("figure", attrs("class", "dk-media", "aria-labelledby", captionId));
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("controls", "");
        attrs.put("preload", "metadata");
        attrs.put("src", href);
        attrs.put("aria-labelledby", captionId);
        String tag = video ? "video" : "audio";
        html.tag(tag, attrs);
        Map<String, String> track = new LinkedHashMap<>();
        track.put("kind", "captions");
        track.put("src", "../" + captions);
        track.put("srclang", lesson.language);
        track.put("label", UiText.get(lesson.language, "languageName"));
        track.put("default", "");
        html.tag("track", track, true);
        html.text(lesson.ui("mediaFallback") + " ");
        html.tag("a", attrs("href", href, "download", ""));
        html.text(alt);
        html.tag("/a");
        html.tag("/" + tag);
        html.tag("figcaption", Map.of("id", captionId));
        html.text(alt);
        if (title != null && !title.isBlank()) {
            html.text(". " + title);
        }
        html.text(" ");
        html.tag("a", attrs("href", "../" + captions, "download", "", "class", "dk-transcript"));
        html.text("(WebVTT)");
        html.tag("/a");
        html.tag("/figcaption");
        html.tag("/figure");
        html.line();
    }

    private Optional<String> asset(String reference, int line) {
        Optional<String> path = lesson.files.resolve(lesson.file, reference, line, lesson.problems);
        if (path.isPresent() && !path.get().startsWith("assets/")) {
            lesson.problem(line, "files the lesson uses must be in the course's assets/ folder: " + reference);
            return Optional.empty();
        }
        path.ifPresent(lesson.assets::add);
        return path;
    }

    private static String extension(String path) {
        String name = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    // ---- links: glossary terms, downloads, other lessons, the web ----

    private void link(Link link) {
        int line = Markdown.line(link);
        String destination = link.getDestination();
        if (destination.startsWith("glossary:")) {
            glossaryTerm(link, destination.substring("glossary:".length()), line);
            return;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        if (destination.startsWith("#")) {
            attrs.put("href", destination);
        } else if (destination.startsWith("https:") || destination.startsWith("http:")
                || destination.startsWith("mailto:")) {
            if (FrontPageLinks.isFrontPage(destination)) {
                lesson.warning(line, FrontPageLinks.message(destination));
            }
            attrs.put("href", destination);
            attrs.put("target", "_blank");
            attrs.put("rel", "noopener");
        } else if (SCHEME.matcher(destination).find()) {
            lesson.problem(line, "link scheme not allowed (use https:, http:, mailto:, glossary: or a relative path): "
                    + destination);
            return;
        } else {
            String path = destination.contains("#") ? destination.substring(0, destination.indexOf('#')) : destination;
            String lessonId = lesson.lessonIdByFile.get(path);
            if (lessonId != null) {
                attrs.put("href", "#lesson-" + lessonId);
                attrs.put("data-lesson", lessonId);
            } else {
                Optional<String> asset = asset(path, line);
                if (asset.isEmpty()) {
                    return;
                }
                attrs.put("href", "../" + asset.get());
                attrs.put("download", "");
                attrs.put("class", "dk-download");
            }
        }
        if (link.getTitle() != null && !link.getTitle().isBlank()) {
            attrs.put("title", link.getTitle());
        }
        html.tag("a", attrs);
        renderChildren(link);
        if ("_blank".equals(attrs.get("target"))) {
            html.tag("span", Map.of("class", "dk-sr-only"));
            html.text(lesson.language.startsWith("sv") ? " (öppnas i nytt fönster)" : " (opens in a new window)");
            html.tag("/span");
        }
        html.tag("/a");
    }

    private void glossaryTerm(Link link, String termId, int line) {
        Optional<Glossary.Term> term = lesson.glossary.term(termId);
        if (term.isEmpty()) {
            lesson.problem(line, "unknown glossary term: " + termId + " (not in " + lesson.language + "/glossary.md)");
            return;
        }
        String id = lesson.nextId("term");
        html.tag("span", Map.of("class", "dk-term"));
        Map<String, String> button = new LinkedHashMap<>();
        button.put("type", "button");
        button.put("class", "dk-term-button");
        button.put("aria-expanded", "false");
        button.put("aria-controls", id);
        html.tag("button", button);
        renderChildren(link);
        html.tag("/button");
        Map<String, String> def = new LinkedHashMap<>();
        def.put("id", id);
        def.put("class", "dk-term-definition");
        def.put("role", "note");
        def.put("hidden", "");
        html.tag("span", def);
        html.tag("strong");
        html.text(term.get().term());
        html.tag("/strong");
        html.text(": " + term.get().definitionText());
        html.tag("/span");
        html.tag("/span");
    }

    /** Attributes in the order given: Map.of has no fixed order, and packages must be reproducible. */
    private static Map<String, String> attrs(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
