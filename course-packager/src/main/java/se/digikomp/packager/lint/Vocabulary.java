package se.digikomp.packager.lint;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import se.digikomp.packager.source.Problems;
import se.digikomp.packager.source.SourceFiles;

/**
 * A catalogue's shared vocabulary ({@value #FILE} in the folder that holds the course folders, docs/course-format.md,
 * "The catalogue's vocabulary"): for each concept the chosen term per language and the variants not to use, and the
 * real sites the courses cite as sources (every other address in a course must use a domain reserved for examples).
 */
public record Vocabulary(Path file, List<Term> terms, List<String> sourceDomains) {
    public static final String FILE = "vocabulary.yaml";

    /** One concept: the chosen term per language ({@code sv}, {@code en}) and, per language, the variants to avoid. */
    public record Term(String concept, Map<String, String> chosen, Map<String, List<String>> avoid, int line) {
    }

    /** The vocabulary beside a course folder (in its parent folder), if there is one. */
    public static Optional<Vocabulary> besideCourse(Path courseDir, Problems problems) {
        Path file = courseDir.toAbsolutePath().normalize().getParent().resolve(FILE);
        return Files.isRegularFile(file) ? read(file, problems) : Optional.empty();
    }

    /** Reads a vocabulary file, reporting what is malformed at its line (as errors: the file is the authors' tool). */
    public static Optional<Vocabulary> read(Path file, Problems problems) {
        Optional<String> text;
        try {
            text = new SourceFiles(file.getParent()).readText(file, problems);
        } catch (java.io.IOException e) {
            problems.add(file, 1, "cannot read the vocabulary: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(text.get()));
        } catch (MarkedYAMLException e) {
            problems.add(file, e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1,
                    "malformed YAML: " + e.getProblem());
            return Optional.empty();
        } catch (YAMLException e) {
            problems.add(file, 1, "malformed YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(file, 1, "the vocabulary is a mapping with terms: and sourceDomains:");
            return Optional.empty();
        }
        List<Term> terms = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (NodeTuple field : map.getValue()) {
            String key = scalar(field.getKeyNode());
            switch (key == null ? "" : key) {
                case "terms" -> readTerms(file, field.getValueNode(), terms, problems);
                case "sourceDomains" -> {
                    for (Node item : items(file, field.getValueNode(), problems)) {
                        String domain = scalar(item);
                        if (domain == null || !domain.matches("[a-z0-9.-]+\\.[a-z]{2,}")) {
                            problems.add(file, line(item), "a source domain is a lower-case host name like riksdagen.se");
                        } else {
                            domains.add(domain);
                        }
                    }
                }
                default -> problems.add(file, line(field.getKeyNode()), "unknown field " + key
                        + " (a vocabulary has terms: and sourceDomains:)");
            }
        }
        return Optional.of(new Vocabulary(file, List.copyOf(terms), List.copyOf(domains)));
    }

    private static void readTerms(Path file, Node node, List<Term> terms, Problems problems) {
        for (Node item : items(file, node, problems)) {
            if (!(item instanceof MappingNode entry)) {
                problems.add(file, line(item), "a term is a mapping: concept, sv, en, avoid");
                continue;
            }
            String concept = null;
            Map<String, String> chosen = new LinkedHashMap<>();
            Map<String, List<String>> avoid = new LinkedHashMap<>();
            for (NodeTuple field : entry.getValue()) {
                String key = scalar(field.getKeyNode());
                Node value = field.getValueNode();
                if ("concept".equals(key)) {
                    concept = scalar(value);
                } else if ("avoid".equals(key) && value instanceof MappingNode byLanguage) {
                    for (NodeTuple language : byLanguage.getValue()) {
                        List<String> words = new ArrayList<>();
                        for (Node word : items(file, language.getValueNode(), problems)) {
                            String w = scalar(word);
                            if (w == null || w.isBlank()) {
                                problems.add(file, line(word), "a variant to avoid is a word or phrase");
                            } else {
                                words.add(w.strip());
                            }
                        }
                        avoid.put(scalar(language.getKeyNode()), List.copyOf(words));
                    }
                } else if (key != null && key.matches("[a-z]{2,3}") && scalar(value) != null) {
                    chosen.put(key, scalar(value));
                } else {
                    problems.add(file, line(field.getKeyNode()), "unknown or malformed term field " + key
                            + " (concept: text, sv: term, en: term, avoid: {sv: [..], en: [..]})");
                }
            }
            if (concept == null || chosen.isEmpty()) {
                problems.add(file, line(entry), "a term has a concept and the chosen term per language (sv:, en:)");
                continue;
            }
            for (String language : avoid.keySet()) {
                for (String word : avoid.get(language)) {
                    String term = chosen.get(language);
                    if (term != null && term.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
                        problems.add(file, line(entry), "\"" + word + "\" is both chosen and avoided in " + language);
                    }
                }
            }
            terms.add(new Term(concept, Map.copyOf(chosen), Map.copyOf(avoid), line(entry)));
        }
    }

    private static List<Node> items(Path file, Node node, Problems problems) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problems.add(file, line(node), "expected a list");
        return List.of();
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }

    /** True when the host is one of the source domains or below one (www.riksdagen.se is below riksdagen.se). */
    public boolean isSource(String host) {
        return sourceDomains.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
