package se.digikomp.lms.course.entity;

import java.util.List;
import java.util.Map;

/**
 * A course as {@code GET /api/courses} lists it: its identifier, its newest version that is not withdrawn, and what
 * that version's manifest says. {@code shared}: imported at start-up for every organisation.
 */
public record CourseSummary(String id, long versionId, int version, String versionLabel, String format,
                            String edition, String title, String description, Map<String, String> titles,
                            Map<String, String> descriptions, List<String> languages, String duration,
                            List<Competence> competences, boolean shared) {
}
