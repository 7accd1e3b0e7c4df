package se.digikomp.packager.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code course.yaml} into {@link Metadata}, reporting every missing or malformed field at its line
 * (rules in docs/course-format.md, "course.yaml").
 */
public final class MetadataReader {
    static final Pattern LESSON_ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");
    private static final Pattern DURATION =
            Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");
    private static final Pattern SPDX = Pattern.compile("[A-Za-z0-9.+-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+-]+)*");

    private final Path file;
    private final Problems problems;

    public MetadataReader(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    public Optional<Metadata> read(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(file, line, "malformed YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(file, 1, "malformed YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(file, 1, "course.yaml must be a mapping of keys to values");
            return Optional.empty();
        }
        Map<String, Node> fields = fields(map);

        String id = scalar(fields, map, "id", true);
        checkIri(id, fields.get("id"));
        String version = scalar(fields, map, "version", true);
        if (version != null && !SEMVER.matcher(version).matches()) {
            problems.add(file, line(fields.get("version")), "version must be a semantic version like 1.0.0: " + version);
        }
        List<String> languages = stringList(fields, map, "languages", true);
        Set<String> seenLanguages = new HashSet<>();
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                problems.add(file, line(fields.get("languages")), "not a BCP 47 language tag: " + language);
            }
            if (!seenLanguages.add(language)) {
                problems.add(file, line(fields.get("languages")), "language listed twice: " + language);
            }
        }
        if (fields.containsKey("languages") && languages.isEmpty()) {
            problems.add(file, line(fields.get("languages")), "languages must list at least one language");
        }
        Course.Packaging packaging = Course.Packaging.PER_LANGUAGE;
        String packagingWord = scalar(fields, map, "packaging", false);
        if (packagingWord != null) {
            packaging = switch (packagingWord) {
                case "per-language" -> Course.Packaging.PER_LANGUAGE;
                case "bilingual" -> Course.Packaging.BILINGUAL;
                default -> {
                    problems.add(file, line(fields.get("packaging")),
                            "packaging must be per-language or bilingual: " + packagingWord);
                    yield Course.Packaging.PER_LANGUAGE;
                }
            };
        }
        Map<String, String> title = perLanguage(fields, map, "title", languages);
        Map<String, String> description = perLanguage(fields, map, "description", languages);
        List<String> authors = stringList(fields, map, "authors", true);
        String licence = scalar(fields, map, "licence", true);
        if (licence != null && !SPDX.matcher(licence).matches()) {
            problems.add(file, line(fields.get("licence")), "licence must be an SPDX identifier: " + licence);
        }
        String duration = scalar(fields, map, "duration", true);
        if (duration != null && !DURATION.matcher(duration).matches()) {
            problems.add(file, line(fields.get("duration")), "duration must be an ISO 8601 duration like PT1H30M: "
                    + duration);
        }
        Double masteryScore = null;
        String mastery = scalar(fields, map, "masteryScore", false);
        if (mastery != null) {
            try {
                masteryScore = Double.parseDouble(mastery);
                if (masteryScore < 0 || masteryScore > 1) {
                    problems.add(file, line(fields.get("masteryScore")), "masteryScore must be between 0 and 1: "
                            + mastery);
                }
            } catch (NumberFormatException e) {
                problems.add(file, line(fields.get("masteryScore")), "masteryScore must be a number 0..1: " + mastery);
            }
        }
        Course.Sequencing sequencing = Course.Sequencing.FREE;
        String sequencingWord = scalar(fields, map, "sequencing", false);
        if (sequencingWord != null) {
            sequencing = switch (sequencingWord) {
                case "ordered" -> Course.Sequencing.ORDERED;
                case "free" -> Course.Sequencing.FREE;
                default -> {
                    problems.add(file, line(fields.get("sequencing")),
                            "sequencing must be ordered or free: " + sequencingWord);
                    yield Course.Sequencing.FREE;
                }
            };
        }
        List<Competence> competences = competences(fields, map);
        List<Metadata.LessonEntry> lessons = lessons(fields, map, sequencing);
        if (masteryScore == null && lessons.stream().anyMatch(Metadata.LessonEntry::assessment)) {
            problems.add(file, line(map), "masteryScore is required when a lesson has assessment: true");
        }
        return Optional.of(new Metadata(id, version, languages, packaging, title, description, authors, licence,
                duration, masteryScore, fields.containsKey("masteryScore") ? line(fields.get("masteryScore")) : 1,
                sequencing, competences, lessons));
    }

    private void checkIri(String id, Node node) {
        if (id == null) {
            return;
        }
        try {
            URI uri = new URI(id);
            if (!uri.isAbsolute() || uri.getFragment() != null || id.endsWith("/")) {
                problems.add(file, line(node), "id must be an absolute IRI without a fragment or trailing slash: "
                        + id);
            }
        } catch (URISyntaxException e) {
            problems.add(file, line(node), "id is not an IRI: " + id);
        }
    }

    private List<Competence> competences(Map<String, Node> fields, MappingNode map) {
        List<Competence> result = new ArrayList<>();
        Node node = fields.get("competences");
        if (node == null) {
            problems.add(file, line(map), "missing field: competences (at least one DigComp competence)");
            return result;
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(file, line(node), "competences must be a list with at least one entry");
            return result;
        }
        Set<String> seen = new HashSet<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode entry)) {
                problems.add(file, line(item), "a competence is a mapping with framework, id and level");
                continue;
            }
            Map<String, Node> f = fields(entry);
            String framework = scalar(f, entry, "framework", true);
            String id = scalar(f, entry, "id", true);
            String level = scalar(f, entry, "level", true);
            if (framework == null || id == null || level == null) {
                continue;
            }
            if (!DigComp.isFramework(framework)) {
                problems.add(file, line(f.get("framework")), "unknown competence framework: " + framework
                        + " (known: " + DigComp.FRAMEWORK_2_2 + ")");
                continue;
            }
            if (!DigComp.isCompetence(id)) {
                problems.add(file, line(f.get("id")), "unknown competence: " + id + " (DigComp 2.2 has 1.1 to 5.4)");
            }
            int lvl = 0;
            try {
                lvl = Integer.parseInt(level);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (lvl < DigComp.MIN_LEVEL || lvl > DigComp.MAX_LEVEL) {
                problems.add(file, line(f.get("level")), "level must be a whole number 1 to 8: " + level);
            }
            if (!seen.add(framework + "/" + id)) {
                problems.add(file, line(entry), "competence listed twice: " + id);
            }
            result.add(new Competence(framework, id, lvl));
        }
        return result;
    }

    private List<Metadata.LessonEntry> lessons(Map<String, Node> fields, MappingNode map,
            Course.Sequencing sequencing) {
        List<Metadata.LessonEntry> result = new ArrayList<>();
        Node node = fields.get("lessons");
        if (node == null) {
            problems.add(file, line(map), "missing field: lessons");
            return result;
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problems.add(file, line(node), "lessons must be a list with at least one lesson");
            return result;
        }
        Set<String> ids = new HashSet<>();
        Set<String> files = new HashSet<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode entry)) {
                problems.add(file, line(item), "a lesson is a mapping with id and file");
                continue;
            }
            Map<String, Node> f = fields(entry);
            String id = scalar(f, entry, "id", true);
            String lessonFile = scalar(f, entry, "file", true);
            String assessment = scalar(f, entry, "assessment", false);
            if (id == null || lessonFile == null) {
                continue;
            }
            if (!LESSON_ID.matcher(id).matches()) {
                problems.add(file, line(f.get("id")), "lesson id must match [a-z0-9-]+: " + id);
            }
            if (!ids.add(id)) {
                problems.add(file, line(f.get("id")), "duplicate lesson id: " + id);
            }
            if (!lessonFile.endsWith(".md") || lessonFile.contains("/") || lessonFile.contains("\\")) {
                problems.add(file, line(f.get("file")), "lesson file must be a .md file name in the language folder: "
                        + lessonFile);
            } else if (!files.add(lessonFile)) {
                problems.add(file, line(f.get("file")), "lesson file listed twice: " + lessonFile);
            }
            if (assessment != null && !assessment.equals("true") && !assessment.equals("false")) {
                problems.add(file, line(f.get("assessment")), "assessment must be true or false: " + assessment);
            }
            result.add(new Metadata.LessonEntry(id, lessonFile, "true".equals(assessment), line(entry)));
        }
        List<Metadata.LessonEntry> assessments =
                result.stream().filter(Metadata.LessonEntry::assessment).toList();
        if (assessments.size() > 1) {
            problems.add(file, assessments.get(1).line(), "at most one lesson may have assessment: true");
        }
        if (sequencing == Course.Sequencing.ORDERED && assessments.size() == 1
                && result.get(result.size() - 1) != assessments.get(0)) {
            problems.add(file, assessments.get(0).line(),
                    "with sequencing: ordered, the assessment must be the last lesson");
        }
        return result;
    }

    private Map<String, String> perLanguage(Map<String, Node> fields, MappingNode map, String key,
            List<String> languages) {
        Map<String, String> result = new LinkedHashMap<>();
        Node node = fields.get(key);
        if (node == null) {
            problems.add(file, line(map), "missing field: " + key);
            return result;
        }
        if (!(node instanceof MappingNode m)) {
            problems.add(file, line(node), key + " must map each language to a text, e.g. sv: ...");
            return result;
        }
        Map<String, Node> texts = fields(m);
        for (String language : languages) {
            Node text = texts.get(language);
            if (!(text instanceof ScalarNode s) || s.getValue().isBlank()) {
                problems.add(file, line(node), key + " has no text for language " + language);
            } else {
                result.put(language, s.getValue().strip());
            }
        }
        return result;
    }

    private String scalar(Map<String, Node> fields, Node parent, String key, boolean required) {
        Node node = fields.get(key);
        if (node == null) {
            if (required) {
                problems.add(file, line(parent), "missing field: " + key);
            }
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            problems.add(file, line(node), key + " must be a single value");
            return null;
        }
        if (s.getValue().isBlank()) {
            problems.add(file, line(node), key + " is empty");
            return null;
        }
        return s.getValue().strip();
    }

    private List<String> stringList(Map<String, Node> fields, Node parent, String key, boolean required) {
        Node node = fields.get(key);
        List<String> result = new ArrayList<>();
        if (node == null) {
            if (required) {
                problems.add(file, line(parent), "missing field: " + key);
            }
            return result;
        }
        if (!(node instanceof SequenceNode seq)) {
            problems.add(file, line(node), key + " must be a list, e.g. [sv, en]");
            return result;
        }
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                result.add(s.getValue().strip());
            } else {
                problems.add(file, line(item), key + " entries must be single values");
            }
        }
        return result;
    }

    private Map<String, Node> fields(MappingNode map) {
        Map<String, Node> result = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                if (result.put(key.getValue(), tuple.getValueNode()) != null) {
                    problems.add(file, line(key), "duplicate key: " + key.getValue());
                }
            }
        }
        return result;
    }

    private static int line(Node node) {
        return node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
