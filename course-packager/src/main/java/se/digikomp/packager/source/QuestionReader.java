package se.digikomp.packager.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Reads one question: heading with {@code {#id type=... points=...}}, optional prompt, the answers as a list,
 * optional overall feedback (docs/course-format.md, "Questions and assessments"), and renders it as an accessible
 * form: native radio buttons, check boxes, a text field, or select boxes for ordering and matching.
 */
final class QuestionReader {
    static final Pattern QUESTION_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern CHECKBOX = Pattern.compile("^\\[( |x|X)\\][ \\t]+");

    record Result(Question question, String html) {
    }

    private final LessonContext lesson;
    private final HtmlRenderer renderer;
    private final LessonReader inline;

    QuestionReader(LessonContext lesson, HtmlRenderer renderer, LessonReader inline) {
        this.lesson = lesson;
        this.renderer = renderer;
        this.inline = inline;
    }

    static Map<String, String> parseAttributes(String text, int line, LessonContext lesson) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String token : text.strip().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.startsWith("#")) {
                attrs.put("id", token.substring(1));
            } else if (token.contains("=")) {
                String key = token.substring(0, token.indexOf('='));
                String value = token.substring(token.indexOf('=') + 1).replaceAll("^\"|\"$", "");
                if (!key.equals("type") && !key.equals("points")) {
                    lesson.problem(line, "unknown question attribute: " + key + " (known: #id, type=, points=)");
                }
                attrs.put(key, value);
            } else {
                lesson.problem(line, "malformed question attribute: " + token + " (write {#id type=single points=1})");
            }
        }
        return attrs;
    }

    Optional<Result> read(Heading heading, Map<String, String> attrs, List<Node> blocks, String[] lines,
            boolean graded) {
        int line = Markdown.line(heading);
        String id = attrs.get("id");
        if (id == null) {
            lesson.problem(line, "question has no id: add #some-id to its attribute block");
            return Optional.empty();
        }
        if (!QUESTION_ID.matcher(id).matches()) {
            lesson.problem(line, "question id must match [a-z0-9-]+: " + id);
            return Optional.empty();
        }
        String typeWord = attrs.get("type");
        Question.Type type = typeWord == null ? null : Question.Type.of(typeWord);
        if (type == null) {
            lesson.problem(line, (typeWord == null ? "question has no type" : "unknown question type: " + typeWord)
                    + " (single, multiple, truefalse, text, order, match)");
            return Optional.empty();
        }
        int points = 1;
        if (attrs.containsKey("points")) {
            try {
                points = Integer.parseInt(attrs.get("points"));
                if (points < 0 || points > 1000) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                lesson.problem(line, "points must be a whole number 0 to 1000: " + attrs.get("points"));
                return Optional.empty();
            }
        }
        List<Node> prompt = new ArrayList<>();
        ListBlock list = null;
        List<BlockQuote> feedback = new ArrayList<>();
        for (Node block : blocks) {
            if (list == null && block instanceof ListBlock l) {
                list = l;
            } else if (list == null) {
                prompt.add(block);
            } else if (block instanceof BlockQuote q && LessonNodeRenderer.calloutKind(q)
                    .filter(k -> k.equals("CORRECT") || k.equals("INCORRECT")).isPresent()) {
                feedback.add(q);
            } else {
                lesson.problem(Markdown.line(block), "after a question's answers only [!CORRECT] / [!INCORRECT] "
                        + "feedback may follow; start a new heading for other text");
                return Optional.empty();
            }
        }
        if (list == null) {
            lesson.problem(line, "question " + id + " has no answers: write them as a list under the heading");
            return Optional.empty();
        }
        Optional<List<Question.Option>> options = options(type, list, lines);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        List<Question.Option> opts = options.get();
        List<String> targets = new ArrayList<>();
        if (type == Question.Type.MATCH) {
            for (Question.Option o : opts) {
                targets.add(o.feedbackHtml());
            }
            List<Question.Option> prompts = new ArrayList<>();
            for (Question.Option o : opts) {
                prompts.add(new Question.Option(o.id(), o.html(), o.text(), true, "", o.line()));
            }
            opts = prompts;
        }
        String overallCorrect = "";
        String overallIncorrect = "";
        for (BlockQuote q : feedback) {
            String kind = LessonNodeRenderer.calloutKind(q).orElseThrow();
            LessonNodeRenderer.stripCalloutMarker(q);
            String rendered = renderChildren(q);
            if (kind.equals("CORRECT")) {
                overallCorrect = rendered;
            } else {
                overallIncorrect = rendered;
            }
        }
        String titleHtml = inline.renderInline(heading);
        String titleText = Markdown.plainText(heading);
        Question question = new Question(id, type, points, graded, titleHtml, titleText, line, List.copyOf(opts),
                List.copyOf(targets), overallCorrect, overallIncorrect);
        StringBuilder promptHtml = new StringBuilder();
        for (Node n : prompt) {
            promptHtml.append(renderer.render(n));
        }
        String html = new QuestionHtml(lesson, question, heading.getLevel(), promptHtml.toString(), overallCorrect,
                overallIncorrect).render();
        return Optional.of(new Result(question, html));
    }

    private Optional<List<Question.Option>> options(Question.Type type, ListBlock list, String[] lines) {
        int line = Markdown.line(list);
        List<Question.Option> result = new ArrayList<>();
        boolean choice = type == Question.Type.SINGLE || type == Question.Type.MULTIPLE
                || type == Question.Type.TRUEFALSE;
        if (type == Question.Type.ORDER && !(list instanceof OrderedList)) {
            lesson.problem(line, "an order question lists its items as a numbered list (1. 2. 3.) in the right order");
            return Optional.empty();
        }
        if (type != Question.Type.ORDER && !(list instanceof BulletList)) {
            lesson.problem(line, "answers are a bulleted list (- ...)");
            return Optional.empty();
        }
        int n = 0;
        boolean ok = true;
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
            ListItem item = (ListItem) child;
            int itemLine = Markdown.line(item);
            String optionId = "a" + (++n);
            if (!(item.getFirstChild() instanceof Paragraph p)) {
                lesson.problem(itemLine, item.getFirstChild() == null ? "empty answer"
                        : "an answer is a line of text (a list item may not start with a code block or another list)");
                ok = false;
                continue;
            }
            // the text may start with inline code or emphasis; only a check box must be plain text
            Text first = p.getFirstChild() instanceof Text t ? t : null;
            Matcher box = CHECKBOX.matcher(first == null ? "" : first.getLiteral());
            boolean hasBox = box.find();
            if (choice && !hasBox) {
                lesson.problem(itemLine, "a " + type.word + " answer starts with [ ] or [x]");
                ok = false;
                continue;
            }
            if (!choice && hasBox) {
                lesson.problem(itemLine, "a " + type.word + " question has no [ ] / [x] boxes");
                ok = false;
                continue;
            }
            boolean correct = hasBox && !box.group(1).equals(" ");
            if (hasBox) {
                first.setLiteral(first.getLiteral().substring(box.end()));
            }
            String feedbackHtml = "";
            for (Node rest = p.getNext(); rest != null; rest = rest.getNext()) {
                if (rest instanceof BlockQuote q && choice) {
                    feedbackHtml = renderChildren(q);
                } else {
                    lesson.problem(Markdown.line(rest), choice
                            ? "under an answer only a block quote with its feedback (  > ...) may follow"
                            : "a " + type.word + " answer is one line of text");
                    ok = false;
                }
            }
            if (type == Question.Type.MATCH) {
                Optional<Paragraph[]> pair = splitAtArrow(p);
                String prompt = pair.map(halves -> Markdown.plainText(halves[0])).orElse("");
                String answer = pair.map(halves -> Markdown.plainText(halves[1])).orElse("");
                if (prompt.isEmpty() || answer.isEmpty()) {
                    lesson.problem(itemLine, "a match item is written `prompt => answer`");
                    ok = false;
                    continue;
                }
                // the answer is offered in a select box, whose options are plain text
                result.add(new Question.Option(optionId, inline.renderInline(pair.get()[0]), prompt, true, answer,
                        itemLine));
                continue;
            }
            String text = Markdown.plainText(p);
            String html = inline.renderInline(p);
            if (text.isEmpty()) {
                lesson.problem(itemLine, "empty answer");
                ok = false;
                continue;
            }
            result.add(new Question.Option(optionId, html, text, type == Question.Type.TEXT
                    || type == Question.Type.ORDER || correct, feedbackHtml, itemLine));
        }
        if (!ok) {
            return Optional.empty();
        }
        long marked = result.stream().filter(Question.Option::correct).count();
        switch (type) {
            case SINGLE -> ok = require(result.size() >= 2 && marked == 1, line,
                    "a single-choice question has at least two answers and exactly one marked [x]");
            case MULTIPLE -> ok = require(result.size() >= 2 && marked >= 1, line,
                    "a multiple-choice question has at least two answers and at least one marked [x]");
            case TRUEFALSE -> ok = require(result.size() == 2 && marked == 1, line,
                    "a true/false question has exactly two answers and one marked [x]");
            case TEXT -> ok = require(!result.isEmpty(), line, "a text question lists at least one accepted answer");
            case ORDER -> ok = require(result.size() >= 2, line, "an order question has at least two items");
            case MATCH -> {
                ok = require(result.size() >= 2, line, "a match question has at least two pairs");
                long distinctPrompts = result.stream().map(o -> o.text().toLowerCase(Locale.ROOT)).distinct().count();
                ok = ok && require(distinctPrompts == result.size(), line, "match prompts must differ");
            }
            default -> {
            }
        }
        return ok ? Optional.of(result) : Optional.empty();
    }

    /**
     * Splits a match item at its first {@code =>} outside inline code into the prompt and the answer, each as a
     * paragraph of its own inline nodes (code, emphasis, links), or empty when there is no arrow.
     */
    private static Optional<Paragraph[]> splitAtArrow(Paragraph item) {
        for (Node node = item.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text && text.getLiteral().contains("=>")) {
                Paragraph prompt = new Paragraph();
                Paragraph answer = new Paragraph();
                while (item.getFirstChild() != text) {
                    prompt.appendChild(item.getFirstChild());
                }
                String literal = text.getLiteral();
                int arrow = literal.indexOf("=>");
                prompt.appendChild(new Text(literal.substring(0, arrow)));
                answer.appendChild(new Text(literal.substring(arrow + 2)));
                text.unlink();
                while (item.getFirstChild() != null) {
                    answer.appendChild(item.getFirstChild());
                }
                return Optional.of(new Paragraph[] {prompt, answer});
            }
        }
        return Optional.empty();
    }

    private boolean require(boolean condition, int line, String message) {
        if (!condition) {
            lesson.problem(line, message);
        }
        return condition;
    }

    private String renderChildren(Node parent) {
        StringBuilder sb = new StringBuilder();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            sb.append(renderer.render(child));
        }
        return sb.toString();
    }

    /** A fixed shuffle per question id, never the identity when it can be avoided, so packages stay reproducible. */
    static <T> List<T> shuffled(List<T> items, String seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed.hashCode()));
        if (copy.equals(items) && copy.size() > 1) {
            Collections.rotate(copy, 1);
        }
        return copy;
    }
}
