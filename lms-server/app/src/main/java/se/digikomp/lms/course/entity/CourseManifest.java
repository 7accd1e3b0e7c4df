package se.digikomp.lms.course.entity;

import java.util.List;
import java.util.Map;

/**
 * What an import reads from a package's manifest (and, for our own packages, from the player pages' course data).
 * {@code titles} and {@code descriptions} are by language tag ({@code ""} when the manifest names none); the
 * optional members are null when the package does not say.
 */
public record CourseManifest(PackageFormat format, String edition, String identifier, String versionLabel,
                             Map<String, String> titles, Map<String, String> descriptions, List<String> languages,
                             String duration, List<Competence> competences, List<Objective> objectives,
                             List<LaunchUnit> units) {

    /** A cmi5 objective (or SCORM objective) as the manifest names it. */
    public record Objective(String id, String title) {
    }

    /** The title to list the course under: the first language's. */
    public String title() {
        return titles.values().stream().findFirst().orElse(identifier);
    }

    public CourseManifest withDuration(String value) {
        return new CourseManifest(format, edition, identifier, versionLabel, titles, descriptions, languages, value,
                competences, objectives, units);
    }
}
