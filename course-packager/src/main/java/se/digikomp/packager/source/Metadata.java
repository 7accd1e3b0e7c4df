package se.digikomp.packager.source;

import java.util.List;
import java.util.Map;

/** What {@code course.yaml} says, with the line of each lesson entry for error messages. */
public record Metadata(
        String id,
        String version,
        List<String> languages,
        Course.Packaging packaging,
        Map<String, String> title,
        Map<String, String> description,
        List<String> authors,
        String licence,
        String duration,
        Double masteryScore,
        int masteryScoreLine,
        Course.Sequencing sequencing,
        List<Competence> competences,
        List<LessonEntry> lessons) {

    public record LessonEntry(String id, String file, boolean assessment, int line) {
    }
}
