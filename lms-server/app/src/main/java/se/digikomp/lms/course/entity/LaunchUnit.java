package se.digikomp.lms.course.entity;

/**
 * A launchable unit of a package, in manifest order: a SCORM SCO or asset, a cmi5 AU, the xAPI or web launch page.
 * {@code launch} is a path inside the package (with any query) or, for a cmi5 AU, possibly an absolute URL.
 * The optional members are null when the manifest says nothing.
 */
public record LaunchUnit(String identifier, String title, String launch, String kind, String blockPath,
                         String moveOn, Double masteryScore, String launchMethod, String parameters) {

    public static LaunchUnit of(String identifier, String title, String launch, String kind) {
        return new LaunchUnit(identifier, title, launch, kind, null, null, null, null, null);
    }
}
