package se.digikomp.packager.bundle;

import se.digikomp.packager.source.Course;

/** Identifiers inside manifests: xs:ID values (NCName), derived from the stable lesson ids, never from titles. */
public final class ManifestIds {
    public static final String ORGANIZATION = "org-digikomp";
    public static final String SHARED = "res-shared";

    private ManifestIds() {
    }

    public static String manifest(Course course) {
        return "dk-" + course.slug().replaceAll("[^A-Za-z0-9._-]", "-") + "-" + course.version();
    }

    public static String item(Page unit) {
        return "item-" + (unit.singleLesson() ? unit.lessonId() : "course");
    }

    public static String resource(Page unit) {
        return "res-" + (unit.singleLesson() ? unit.lessonId() : "course");
    }
}
