package se.digikomp.packager.source;

import java.util.List;

/**
 * The HTML of one question. Every type is answered with native form controls (radio, checkbox, text field,
 * select), so it works by keyboard and with a screen reader; nothing needs dragging. Feedback is in the page,
 * hidden until the answer is checked, and announced through a status region.
 */
final class QuestionHtml {
    private final LessonContext lesson;
    private final Question q;
    private final int level;
    private final String prompt;
    private final String correct;
    private final String incorrect;
    private final StringBuilder out = new StringBuilder();

    QuestionHtml(LessonContext lesson, Question q, int level, String prompt, String correct, String incorrect) {
        this.lesson = lesson;
        this.q = q;
        this.level = level;
        this.prompt = prompt;
        this.correct = correct;
        this.incorrect = incorrect;
    }

    String render() {
        String base = "q-" + q.id();
        out.append("<section class=\"dk-question\" id=\"").append(base).append("\" data-question=\"").append(q.id())
                .append("\" aria-labelledby=\"").append(base).append("-title\">\n");
        out.append("<h").append(level).append(" id=\"").append(base).append("-title\">").append(q.titleHtml());
        if (q.graded()) {
            out.append(" <span class=\"dk-points\">(").append(q.points()).append(' ')
                    .append(lesson.ui(q.points() == 1 ? "point" : "points")).append(")</span>");
        }
        out.append("</h").append(level).append(">\n");
        if (!prompt.isBlank()) {
            out.append("<div class=\"dk-prompt\">").append(prompt).append("</div>\n");
        }
        switch (q.type()) {
            case SINGLE, TRUEFALSE -> choices(base, "radio");
            case MULTIPLE -> choices(base, "checkbox");
            case TEXT -> text(base);
            case ORDER -> order(base);
            case MATCH -> match(base);
            default -> throw new IllegalStateException(q.type().word);
        }
        if (!correct.isBlank()) {
            out.append("<div class=\"dk-overall dk-overall-correct\" hidden>").append(correct).append("</div>\n");
        }
        if (!incorrect.isBlank()) {
            out.append("<div class=\"dk-overall dk-overall-incorrect\" hidden>").append(incorrect).append("</div>\n");
        }
        if (!q.graded()) {
            out.append("<button type=\"button\" class=\"dk-check\">").append(esc(lesson.ui("check")))
                    .append("</button>\n");
        }
        out.append("<p class=\"dk-result\" role=\"status\"></p>\n</section>\n");
        return out.toString();
    }

    private void legend(String extra) {
        out.append("<legend class=\"dk-sr-only\">").append(esc(q.titleText())).append(extra).append("</legend>\n");
    }

    private void choices(String base, String inputType) {
        out.append("<fieldset class=\"dk-options\">\n");
        legend("");
        for (Question.Option o : q.options()) {
            String id = base + "-" + o.id();
            out.append("<div class=\"dk-option\"><input type=\"").append(inputType).append("\" name=\"").append(base)
                    .append("\" id=\"").append(id).append("\" value=\"").append(o.id()).append("\"> <label for=\"")
                    .append(id).append("\">").append(o.html()).append("</label>");
            if (!o.feedbackHtml().isBlank()) {
                out.append("\n<div class=\"dk-option-feedback\" data-option=\"").append(o.id()).append("\" hidden>")
                        .append(o.feedbackHtml()).append("</div>");
            }
            out.append("</div>\n");
        }
        out.append("</fieldset>\n");
    }

    private void text(String base) {
        out.append("<div class=\"dk-text-answer\"><label for=\"").append(base).append("-input\">")
                .append(esc(lesson.ui("answer"))).append("</label> <input type=\"text\" id=\"").append(base)
                .append("-input\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"250\"></div>\n");
    }

    private void order(String base) {
        out.append("<fieldset class=\"dk-options dk-order\">\n");
        legend("");
        List<Question.Option> shown = QuestionReader.shuffled(q.options(), q.id());
        for (Question.Option o : shown) {
            String id = base + "-" + o.id();
            out.append("<div class=\"dk-select-row\"><label for=\"").append(id).append("\">").append(o.html())
                    .append("</label> <select id=\"").append(id).append("\" data-option=\"").append(o.id())
                    .append("\"><option value=\"\">").append(esc(lesson.ui("position"))).append("</option>");
            for (int i = 1; i <= q.options().size(); i++) {
                out.append("<option value=\"").append(i).append("\">").append(i).append("</option>");
            }
            out.append("</select></div>\n");
        }
        out.append("</fieldset>\n");
    }

    private void match(String base) {
        out.append("<fieldset class=\"dk-options dk-match\">\n");
        legend("");
        List<String> answers = targetIds();
        List<String> shown = QuestionReader.shuffled(answers, q.id());
        for (Question.Option o : q.options()) {
            String id = base + "-" + o.id();
            out.append("<div class=\"dk-select-row\"><label for=\"").append(id).append("\">").append(o.html())
                    .append("</label> <select id=\"").append(id).append("\" data-option=\"").append(o.id())
                    .append("\"><option value=\"\">").append(esc(lesson.ui("choose"))).append("</option>");
            for (String target : shown) {
                out.append("<option value=\"").append(targetId(target)).append("\">").append(esc(target))
                        .append("</option>");
            }
            out.append("</select></div>\n");
        }
        out.append("</fieldset>\n");
    }

    /** The distinct answers of a match question, in source order. */
    private List<String> targetIds() {
        return q.distinctTargets();
    }

    private String targetId(String target) {
        return "t" + (targetIds().indexOf(target) + 1);
    }

    private static String esc(String s) {
        return Markdown.escape(s);
    }
}
