package se.digikomp.packager.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.digikomp.packager.source.Competence;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.Glossary;
import se.digikomp.packager.source.Lesson;
import se.digikomp.packager.source.Question;
import se.digikomp.packager.source.UiText;

/**
 * Writes the player pages: plain HTML with the lessons already rendered (readable without script), one small
 * style sheet and one small script shared by every page ({@code player/}). The page's tracking mode and the
 * course's rules travel in an embedded JSON element; nothing about an LMS endpoint or credential is written.
 */
public final class PlayerPages {
    public static final String PLAYER_DIR = "player/";
    private static final String RESOURCES = "/se/digikomp/packager/bundle/player/";

    private PlayerPages() {
    }

    /** The player's own files, added to every package. */
    public static void addRuntime(PackageFiles files) {
        for (String name : List.of("player.js", "tracking.js", "player.css")) {
            files.put(PLAYER_DIR + name, resource(name));
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = PlayerPages.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("player resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(PackagePlan plan, Page page) {
        Course course = plan.course();
        String lang = page.language();
        StringBuilder h = new StringBuilder(16384);
        String courseTitle = course.title().get(lang);
        String pageTitle = page.singleLesson() ? page.lessons().get(0).title() + " – " + courseTitle : courseTitle;
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(pageTitle)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"../player/player.css\">\n</head>\n<body>\n")
                .append("<a class=\"dk-skip\" href=\"#main\">").append(esc(ui(lang, "skip"))).append("</a>\n")
                .append("<header class=\"dk-header\">\n<p class=\"dk-course-title\">").append(esc(courseTitle))
                .append("</p>\n");
        if (plan.bilingual()) {
            h.append("<nav class=\"dk-languages\" aria-label=\"").append(esc(ui(lang, "language"))).append("\"><ul>");
            for (String other : plan.languages()) {
                if (!other.equals(lang)) {
                    h.append("<li><a href=\"../").append(plan.pathIn(page, other)).append("\" lang=\"").append(other)
                            .append("\" hreflang=\"").append(other).append("\" data-language=\"").append(other)
                            .append("\">").append(esc(ui(other, "languageName"))).append("</a></li>");
                }
            }
            h.append("</ul></nav>\n");
        }
        h.append("</header>\n<div class=\"dk-layout\">\n");
        boolean many = page.lessons().size() > 1;
        Glossary glossary = course.glossaries().get(lang);
        boolean glossaryPage = many && glossary != null && !glossary.terms().isEmpty();
        if (many) {
            h.append("<nav class=\"dk-nav\" aria-label=\"").append(esc(ui(lang, "lessons"))).append("\">\n<ol>\n");
            for (Lesson lesson : page.lessons()) {
                h.append("<li><a href=\"#lesson-").append(lesson.id()).append("\" data-lesson=\"").append(lesson.id())
                        .append("\">").append(esc(lesson.title())).append("</a><span class=\"dk-done\" hidden> (")
                        .append(esc(ui(lang, "completed"))).append(")</span></li>\n");
            }
            h.append("</ol>\n");
            if (glossaryPage) {
                h.append("<p><a href=\"#lesson-glossary\" data-lesson=\"glossary\">").append(esc(ui(lang, "glossary")))
                        .append("</a></p>\n");
            }
            h.append("</nav>\n");
        }
        h.append("<main id=\"main\" tabindex=\"-1\">\n");
        for (Lesson lesson : page.lessons()) {
            h.append("<section class=\"dk-lesson\" id=\"lesson-").append(lesson.id()).append("\" data-lesson=\"")
                    .append(lesson.id()).append("\" aria-labelledby=\"lesson-").append(lesson.id()).append("-title\">\n");
            if (lesson.assessment()) {
                h.append(lesson.html().replaceFirst("</h1>\n", java.util.regex.Matcher.quoteReplacement(
                        "</h1>\n<p class=\"dk-graded\">" + esc(ui(lang, "graded")) + "</p>\n")));
                h.append("<div class=\"dk-submit-area\"><button type=\"button\" class=\"dk-submit\">")
                        .append(esc(ui(lang, "submit"))).append("</button> <button type=\"button\" class=\"dk-retry\" ")
                        .append("hidden>").append(esc(ui(lang, "retry"))).append("</button>")
                        .append("<p class=\"dk-score\" role=\"status\"></p></div>\n");
            } else {
                h.append(lesson.html());
            }
            h.append("<p class=\"dk-lesson-status\" role=\"status\"></p>\n</section>\n");
        }
        if (glossaryPage) {
            h.append("<section class=\"dk-lesson\" id=\"lesson-glossary\" data-lesson=\"glossary\" ")
                    .append("aria-labelledby=\"lesson-glossary-title\">\n<h1 id=\"lesson-glossary-title\" tabindex=\"-1\">")
                    .append(esc(glossary.title().isBlank() ? ui(lang, "glossary") : glossary.title()))
                    .append("</h1>\n<dl class=\"dk-glossary\">\n");
            for (Glossary.Term term : glossary.terms().values()) {
                h.append("<dt id=\"glossary-").append(term.id()).append("\">").append(esc(term.term()))
                        .append("</dt>\n<dd>").append(term.definitionHtml()).append("</dd>\n");
            }
            h.append("</dl>\n</section>\n");
        }
        if (many) {
            h.append("<div class=\"dk-pager\"><button type=\"button\" class=\"dk-prev\">")
                    .append(esc(ui(lang, "previous"))).append("</button> <span class=\"dk-progress\"></span> ")
                    .append("<button type=\"button\" class=\"dk-next\">").append(esc(ui(lang, "next")))
                    .append("</button></div>\n");
        }
        h.append("</main>\n</div>\n<p class=\"dk-notice\" id=\"dk-notice\" role=\"status\"></p>\n")
                .append("<script type=\"application/json\" id=\"dk-config\">")
                .append(Json.forScript(config(plan, page))).append("</script>\n")
                .append("<script src=\"../player/tracking.js\"></script>\n")
                .append("<script src=\"../player/player.js\"></script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** What the player script needs to track this page. */
    static Map<String, Object> config(PackagePlan plan, Page page) {
        Course course = plan.course();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mode", plan.format() == Format.WEB ? "web" : plan.format().word);
        c.put("lang", page.language());
        Map<String, Object> courseInfo = new LinkedHashMap<>();
        courseInfo.put("id", course.id());
        courseInfo.put("title", course.title().get(page.language()));
        courseInfo.put("version", course.version());
        courseInfo.put("masteryScore", course.masteryScore());
        courseInfo.put("ordered", course.sequencing() == Course.Sequencing.ORDERED);
        List<Object> competences = new ArrayList<>();
        for (Competence competence : course.competences()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("framework", competence.framework());
            m.put("id", competence.id());
            m.put("level", competence.level());
            m.put("iri", competence.iri());
            competences.add(m);
        }
        courseInfo.put("competences", competences);
        c.put("course", courseInfo);
        c.put("unit", page.singleLesson() ? page.lessonId() : null);
        List<Object> lessons = new ArrayList<>();
        Map<String, Object> questions = new LinkedHashMap<>();
        for (Lesson lesson : page.lessons()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", lesson.id());
            l.put("iri", course.lessonIri(lesson.id()));
            l.put("title", lesson.title());
            l.put("assessment", lesson.assessment());
            l.put("questions", lesson.questions().stream().map(Question::id).toList());
            lessons.add(l);
            for (Question q : lesson.questions()) {
                questions.put(q.id(), question(course, lesson, q));
            }
        }
        c.put("lessons", lessons);
        c.put("questions", questions);
        c.put("ui", UiText.forLanguage(page.language()));
        return c;
    }

    private static Map<String, Object> question(Course course, Lesson lesson, Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iri", course.questionIri(lesson.id(), q.id()));
        m.put("lesson", lesson.id());
        m.put("type", q.type().word);
        m.put("points", q.points());
        m.put("graded", q.graded());
        m.put("title", q.titleText());
        List<Object> options = new ArrayList<>();
        for (Question.Option o : q.options()) {
            options.add(pair(o.id(), o.text()));
        }
        m.put("options", options);
        switch (q.type()) {
            case SINGLE, MULTIPLE, TRUEFALSE -> m.put("correct", q.correctIds());
            case TEXT -> m.put("correct", q.options().stream().map(o -> o.text().strip()).toList());
            case ORDER -> m.put("correct", q.options().stream().map(Question.Option::id).toList());
            case MATCH -> {
                m.put("correct", q.targetIds());
                List<Object> targets = new ArrayList<>();
                List<String> distinct = q.distinctTargets();
                for (int i = 0; i < distinct.size(); i++) {
                    targets.add(pair("t" + (i + 1), distinct.get(i)));
                }
                m.put("targets", targets);
            }
            default -> throw new IllegalStateException(q.type().word);
        }
        return m;
    }

    /** {"id": .., "text": ..} in that order (Map.of has no fixed order, packages must be reproducible). */
    private static Map<String, Object> pair(String id, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("text", text);
        return m;
    }

    private static String ui(String lang, String key) {
        return UiText.get(lang, key);
    }

    static String esc(String s) {
        return Xml.escape(s);
    }
}
