package se.digikomp.packager.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.Lesson;
import se.digikomp.packager.source.Problem;
import se.digikomp.packager.source.Question;

/**
 * The catalogue's editorial rules (docs/course-format.md, "Lint"), checked on a course that has been read without
 * errors. Each finding is a warning at its file and line: the course still builds, {@code validate} lists them, and
 * {@code validate --strict} fails on them. The rules:
 * <ol>
 * <li>every lesson has a review date (front matter {@code reviewed:});</li>
 * <li>every lesson but the assessment has at least two knowledge-check questions;</li>
 * <li>every option of a choice question has its own feedback; a text, order or match question, which has no options
 * to comment on, has both {@code [!CORRECT]} and {@code [!INCORRECT]} feedback;</li>
 * <li>with a vocabulary: every e-mail address and web address in the lessons, glossaries and text assets (SVG, WebVTT)
 * uses a domain reserved for examples (RFC 2606 and RFC 6761: {@code .example}, {@code .test}, {@code .invalid},
 * {@code .localhost}, {@code example.com}, {@code example.net}, {@code example.org}) or one of the vocabulary's real
 * source domains;</li>
 * <li>with a vocabulary: no lesson uses a variant the vocabulary says to avoid in its language.</li>
 * </ol>
 * Links that lead only to a site's front page are warned about while the course is read ({@link Course#warnings()});
 * those warnings are part of the findings too.
 */
public final class CourseLint {
    /** The rules, so that a test or a report can tell findings apart. */
    public enum Rule { REVIEW_DATE, KNOWLEDGE_CHECKS, FEEDBACK, EXAMPLE_DOMAINS, TERMS, FRONT_PAGE_LINKS }

    /** One finding: the rule and the warning, at its file and line. */
    public record Finding(Rule rule, Problem problem) implements Comparable<Finding> {
        @Override
        public int compareTo(Finding o) {
            return problem.compareTo(o.problem);
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)");
    private static final List<String> RESERVED_TLDS = List.of("example", "test", "invalid", "localhost");
    private static final List<String> RESERVED_DOMAINS = List.of("example.com", "example.net", "example.org");
    private static final Pattern XMLNS = Pattern.compile("xmlns(?::[\\w.-]+)?\\s*=\\s*(\"[^\"]*\"|'[^']*')");
    private static final Pattern IP = Pattern.compile("[0-9.]+");
    /** A question heading's attribute block, {#id type=single}: ids are not prose. */
    private static final Pattern ATTRIBUTES = Pattern.compile("\\{[^{}]*\\}\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern LINK_TARGET = Pattern.compile("\\]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)|<https?://[^>]*>");
    private static final Pattern BARE_URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private CourseLint() {
    }

    /** Every finding of the rules above, as warnings, by file and line. */
    public static List<Problem> check(Course course, Optional<Vocabulary> vocabulary) {
        return findings(course, vocabulary).stream().map(Finding::problem).toList();
    }

    /**
     * Every finding with its rule, by file and line, including the course's warnings from reading it (links to a
     * site's front page).
     */
    public static List<Finding> findings(Course course, Optional<Vocabulary> vocabulary) {
        List<Finding> found = new ArrayList<>();
        for (String language : course.languages()) {
            Path dir = course.dir().resolve(language);
            for (Lesson lesson : course.lessons(language)) {
                Path file = dir.resolve(lesson.file());
                if (lesson.reviewed().isEmpty()) {
                    found.add(finding(Rule.REVIEW_DATE, file, 1, "the lesson has no review date: start it with front matter "
                            + "reviewed: YYYY-MM-DD, the day its claims were last checked"));
                }
                if (!lesson.assessment() && lesson.questions().size() < 2) {
                    found.add(finding(Rule.KNOWLEDGE_CHECKS, file, 1, "the lesson has " + lesson.questions().size()
                            + " knowledge-check question(s): every lesson but the assessment has at least two"));
                }
                for (Question q : lesson.questions()) {
                    feedback(file, q, found);
                }
                if (vocabulary.isPresent()) {
                    List<String> lines = lines(file);
                    domains(file, lines, vocabulary.get(), found);
                    terms(file, lines, language, vocabulary.get(), found);
                }
            }
            Path glossary = dir.resolve(CourseReader.GLOSSARY_FILE);
            if (vocabulary.isPresent() && Files.isRegularFile(glossary)) {
                domains(glossary, lines(glossary), vocabulary.get(), found);
            }
        }
        if (vocabulary.isPresent()) {
            for (String asset : course.assets(course.languages())) {
                String lower = asset.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".svg") || lower.endsWith(".vtt")) {
                    Path file = course.dir().resolve(asset);
                    domains(file, lines(file), vocabulary.get(), found);
                }
            }
        }
        course.warnings().forEach(w -> found.add(new Finding(Rule.FRONT_PAGE_LINKS, w)));
        found.sort(null);
        return List.copyOf(found);
    }

    private static Finding finding(Rule rule, Path file, int line, String message) {
        return new Finding(rule, Problem.warning(file, line, message));
    }

    private static void feedback(Path file, Question q, List<Finding> found) {
        switch (q.type()) {
            case SINGLE, MULTIPLE, TRUEFALSE -> {
                for (Question.Option o : q.options()) {
                    if (o.feedbackHtml().isBlank()) {
                        found.add(finding(Rule.FEEDBACK, file, o.line(), "answer \"" + abbreviate(o.text()) + "\" of question "
                                + q.id() + " has no feedback: say under it (  > ...) why it is right or wrong"));
                    }
                }
            }
            default -> {
                if (q.correctFeedbackHtml().isBlank() || q.incorrectFeedbackHtml().isBlank()) {
                    found.add(finding(Rule.FEEDBACK, file, q.line(), "question " + q.id() + " (" + q.type().word + ") needs "
                            + "both [!CORRECT] and [!INCORRECT] feedback that explains the answer"));
                }
            }
        }
    }

    /** E-mail addresses and web addresses whose domain is neither reserved for examples nor a known source. */
    static void domains(Path file, List<String> lines, Vocabulary vocabulary, List<Finding> found) {
        for (int i = 0; i < lines.size(); i++) {
            // an XML namespace (xmlns="http://www.w3.org/2000/svg") names a vocabulary, it is no address
            String line = XMLNS.matcher(lines.get(i)).replaceAll(" ");
            List<String> hosts = new ArrayList<>();
            Matcher email = EMAIL.matcher(line);
            while (email.find()) {
                hosts.add(email.group(1));
            }
            Matcher url = URL.matcher(EMAIL.matcher(line).replaceAll(" "));
            while (url.find()) {
                String host = url.group(1);
                hosts.add(url.group().toLowerCase(Locale.ROOT).startsWith("www.") ? "www." + host : host);
            }
            for (String h : hosts) {
                String host = h.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
                if (!isReserved(host) && !vocabulary.isSource(host) && !IP.matcher(host).matches()) {
                    found.add(finding(Rule.EXAMPLE_DOMAINS, file, i + 1, "the domain " + host + " is neither reserved for examples "
                            + "(.example, example.com/.net/.org, .test, .invalid, .localhost) nor a source domain of "
                            + vocabulary.file().getFileName() + ": a fictional address uses a reserved domain, a real "
                            + "source is added to sourceDomains"));
                }
            }
        }
    }

    static boolean isReserved(String host) {
        String tld = host.substring(host.lastIndexOf('.') + 1);
        return RESERVED_TLDS.contains(tld) || RESERVED_DOMAINS.stream()
                .anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }

    /** A variant the vocabulary avoids in this language, in the lesson's prose (not in code, addresses or front matter). */
    static void terms(Path file, List<String> lines, String language, Vocabulary vocabulary, List<Finding> found) {
        List<Vocabulary.Term> terms = vocabulary.terms();
        boolean fenced = false;
        boolean front = !lines.isEmpty() && lines.get(0).strip().equals("---");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (front) {
                front = i == 0 || !line.strip().equals("---");
                continue;
            }
            if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String prose = BARE_URL.matcher(LINK_TARGET.matcher(INLINE_CODE.matcher(ATTRIBUTES.matcher(line)
                    .replaceAll(" ")).replaceAll(" ")).replaceAll("] ")).replaceAll(" ");
            for (Vocabulary.Term term : terms) {
                for (String variant : term.avoid().getOrDefault(language, List.of())) {
                    if (variantPattern(variant).matcher(prose).find()) {
                        String chosen = term.chosen().get(language);
                        found.add(finding(Rule.TERMS, file, i + 1, "write \"" + chosen + "\", not \"" + variant.replace("*", "")
                                + "\" (" + term.concept() + ", " + vocabulary.file().getFileName() + ")"));
                        break;
                    }
                }
            }
        }
    }

    /** A variant matches as a whole word or phrase, case-insensitively; a trailing * also matches any ending. */
    static Pattern variantPattern(String variant) {
        boolean prefix = variant.endsWith("*");
        String words = prefix ? variant.substring(0, variant.length() - 1) : variant;
        String body = Pattern.quote(words).replace(" ", "\\E\\s+\\Q");
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + body + (prefix ? "[\\p{L}\\p{N}]*" : "") + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static List<String> lines(Path file) {
        try {
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n")
                    .split("\n", -1));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 50 ? s.substring(0, 50) + "..." : s;
    }
}
