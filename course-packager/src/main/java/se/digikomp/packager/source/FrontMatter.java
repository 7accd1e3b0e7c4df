package se.digikomp.packager.source;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A lesson file's optional front matter (docs/course-format.md, "Front matter"): a YAML mapping between two
 * {@code ---} lines at the very start of the file. Its one field is {@code reviewed: YYYY-MM-DD}, the day the lesson's
 * claims were last checked, which the player shows under the title.
 *
 * @param reviewed the review date, when given and valid
 * @param markdown the lesson text with the front matter's lines blanked, so the Markdown keeps its line numbers
 */
record FrontMatter(Optional<LocalDate> reviewed, String markdown) {
    static final String REVIEWED = "reviewed";
    private static final Pattern FENCE = Pattern.compile("---[ \\t]*");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    /**
     * The zone whose calendar is furthest ahead (UTC+14): a date is "in the future" only when it has not begun anywhere
     * yet, so an author is never refused the date of their own day.
     */
    static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** Splits the front matter off a lesson's text, reporting every malformed part at its line. */
    static FrontMatter read(String text, LessonContext lesson) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !FENCE.matcher(lines[0]).matches()) {
            return new FrontMatter(Optional.empty(), text);
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (FENCE.matcher(lines[i]).matches()) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            lesson.problem(1, "front matter is not closed: end it with a line of three dashes (---) before the title");
            return new FrontMatter(Optional.empty(), blank(lines, lines.length - 1));
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < end; i++) {
            yaml.append(lines[i]).append('\n');
        }
        Optional<LocalDate> reviewed = fields(yaml.toString(), lesson);
        return new FrontMatter(reviewed, blank(lines, end));
    }

    private static Optional<LocalDate> fields(String yaml, LessonContext lesson) {
        if (yaml.isBlank()) {
            return Optional.empty();
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
            lesson.problem(line, "malformed front matter: " + e.getProblem());
            return Optional.empty();
        } catch (YAMLException e) {
            lesson.problem(1, "malformed front matter: " + e.getMessage());
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            lesson.problem(2, "front matter is a mapping of fields, such as reviewed: 2026-12-01");
            return Optional.empty();
        }
        Optional<LocalDate> reviewed = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : map.getValue()) {
            int line = tuple.getKeyNode().getStartMark().getLine() + 2;
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (!seen.add(key)) {
                lesson.problem(line, key + " is given twice");
                continue;
            }
            if (!REVIEWED.equals(key)) {
                lesson.problem(line, "unknown front-matter field \"" + key + "\" (the lesson format knows: reviewed)");
                continue;
            }
            if (!(tuple.getValueNode() instanceof ScalarNode value) || value.getValue().isBlank()) {
                lesson.problem(line, "reviewed is a date, YYYY-MM-DD");
                continue;
            }
            reviewed = date(value.getValue().strip(), line, lesson);
        }
        return reviewed;
    }

    private static Optional<LocalDate> date(String value, int line, LessonContext lesson) {
        LocalDate date;
        try {
            date = LocalDate.parse(value, ISO_DATE);
        } catch (DateTimeParseException e) {
            lesson.problem(line, "reviewed is not a valid date YYYY-MM-DD: " + value);
            return Optional.empty();
        }
        if (date.isAfter(LocalDate.now(EARLIEST_ZONE))) {
            lesson.problem(line, "reviewed is in the future: " + value + " (the date the lesson's claims were last "
                    + "checked)");
            return Optional.empty();
        }
        return Optional.of(date);
    }

    /** The text with lines 0..last (inclusive) emptied; a CommonMark document ignores leading blank lines. */
    private static String blank(String[] lines, int last) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            if (i > last) {
                sb.append(lines[i]);
            }
        }
        return sb.toString();
    }
}
