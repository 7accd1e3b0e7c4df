package se.digikomp.packager.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A course read from its source folder: the metadata of {@code course.yaml} and, per language, its rendered
 * lessons and glossary, and the warnings found while reading it (problems that do not stop packaging). Immutable;
 * built by {@link CourseReader}.
 */
public record Course(
        Path dir,
        String id,
        String version,
        List<String> languages,
        Packaging packaging,
        Map<String, String> title,
        Map<String, String> description,
        List<String> authors,
        String licence,
        String duration,
        double masteryScore,
        Sequencing sequencing,
        List<Competence> competences,
        Map<String, List<Lesson>> lessonsByLanguage,
        Map<String, Glossary> glossaries,
        Map<String, Set<String>> assetsByLanguage,
        List<Problem> warnings) {

    public enum Packaging {
        PER_LANGUAGE("per-language"), BILINGUAL("bilingual");

        public final String word;

        Packaging(String word) {
            this.word = word;
        }
    }

    public enum Sequencing {
        ORDERED("ordered"), FREE("free");

        public final String word;

        Sequencing(String word) {
            this.word = word;
        }
    }

    /** The course folder's name, used in package file names. */
    public String slug() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** The asset files (course-relative paths) that the lessons of these languages use. */
    public Set<String> assets(List<String> languages) {
        Set<String> all = new java.util.TreeSet<>();
        languages.forEach(l -> all.addAll(assetsByLanguage.getOrDefault(l, Set.of())));
        return all;
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    public List<Lesson> lessons(String language) {
        return lessonsByLanguage.get(language);
    }

    public boolean hasAssessment() {
        return lessons(defaultLanguage()).stream().anyMatch(Lesson::assessment);
    }

    public String lessonIri(String lessonId) {
        return id + "/lessons/" + lessonId;
    }

    public String questionIri(String lessonId, String questionId) {
        return lessonIri(lessonId) + "/questions/" + questionId;
    }
}
