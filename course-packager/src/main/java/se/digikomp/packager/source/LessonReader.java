package se.digikomp.packager.source;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads one lesson file: the level-1 title, the body, and the questions (docs/course-format.md, "Lessons" and
 * "Questions and assessments"), rendering everything to HTML and reporting problems at their lines.
 */
public final class LessonReader {
    private static final Pattern ATTRIBUTES = Pattern.compile("\\s*\\{([^{}]*)\\}\\s*$");

    private final LessonContext lesson;
    private final HtmlRenderer renderer;

    LessonReader(LessonContext lesson) {
        this.lesson = lesson;
        // the lesson's renderer first: for a node type, the first factory registered wins
        this.renderer = HtmlRenderer.builder()
                .nodeRendererFactory(context -> new LessonNodeRenderer(context, lesson))
                .extensions(Markdown.EXTENSIONS)
                .sanitizeUrls(true)
                .build();
    }

    Lesson read(String source, boolean assessment) {
        FrontMatter front = FrontMatter.read(source, lesson);
        String text = front.markdown();
        String[] lines = text.split("\n", -1);
        Node document = Markdown.PARSER.parse(text);
        Node first = document.getFirstChild();
        String title = "";
        StringBuilder body = new StringBuilder();
        List<Question> questions = new ArrayList<>();
        if (first instanceof Heading h && h.getLevel() == 1) {
            title = Markdown.plainText(h);
            body.append("<h1 id=\"lesson-").append(lesson.lessonId).append("-title\" tabindex=\"-1\">")
                    .append(renderInline(h)).append("</h1>\n");
            front.reviewed().ifPresent(date -> body.append(reviewedLine(date)));
            first = first.getNext();
        } else {
            lesson.problem(first == null ? 1 : Markdown.line(first),
                    "a lesson starts with its title as a level-1 heading (# Title)");
        }
        Node node = first;
        while (node != null) {
            if (node instanceof Heading heading && isQuestionHeading(heading, lines)) {
                List<Node> blocks = new ArrayList<>();
                Node next = heading.getNext();
                while (next != null && !(next instanceof Heading)) {
                    blocks.add(next);
                    next = next.getNext();
                }
                readQuestion(heading, blocks, lines, assessment).ifPresent(q -> {
                    questions.add(q.question());
                    body.append(q.html());
                });
                node = next;
                continue;
            }
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                lesson.problem(Markdown.line(node), "only the lesson title is a level-1 heading; use ## and ###");
            }
            body.append(renderer.render(node));
            node = node.getNext();
        }
        return new Lesson(lesson.lessonId, lesson.file.getFileName().toString(), assessment, title, body.toString(),
                List.copyOf(questions), front.reviewed());
    }

    /**
     * "Granskad per 2026-12-01" / "Reviewed as of 2026-12-01" under the title: ordinary text in the page's language,
     * the date as an ISO date (unambiguous in both languages) in a {@code <time>} element that carries it for machines.
     */
    private String reviewedLine(LocalDate date) {
        String iso = date.toString();
        return "<p class=\"dk-reviewed\">" + Markdown.escape(UiText.reviewed(lesson.language)) + " <time datetime=\""
                + iso + "\">" + iso + "</time></p>\n";
    }

    private boolean isQuestionHeading(Heading heading, String[] lines) {
        return ATTRIBUTES.matcher(Markdown.firstSourceLine(heading, lines)).find()
                && lastText(heading) != null && ATTRIBUTES.matcher(lastText(heading).getLiteral()).find();
    }

    private static Text lastText(Node node) {
        return node.getLastChild() instanceof Text t ? t : null;
    }

    private java.util.Optional<QuestionReader.Result> readQuestion(Heading heading, List<Node> blocks,
            String[] lines, boolean graded) {
        int line = Markdown.line(heading);
        Text last = lastText(heading);
        Matcher m = ATTRIBUTES.matcher(last.getLiteral());
        m.find();
        String attributes = m.group(1);
        last.setLiteral(last.getLiteral().substring(0, m.start()));
        if (heading.getLevel() != 2 && heading.getLevel() != 3) {
            lesson.problem(line, "a question is a level-2 or level-3 heading");
            return java.util.Optional.empty();
        }
        Map<String, String> attrs = QuestionReader.parseAttributes(attributes, line, lesson);
        return new QuestionReader(lesson, renderer, this).read(heading, attrs, blocks, lines, graded);
    }

    /** Renders a block's inline children (no surrounding paragraph). */
    String renderInline(Node block) {
        StringBuilder sb = new StringBuilder();
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            sb.append(renderer.render(child));
        }
        return sb.toString().strip();
    }
}
