package se.digikomp.lms.course.entity;

import java.time.Instant;
import java.util.List;

/** One version of a course with its launchable units, as {@code GET /api/course-versions/{id}} shows it. */
public record CourseVersionDetails(long versionId, String courseId, int version, String versionLabel, String format,
                                   String edition, String title, Instant importedAt, Instant withdrawnAt,
                                   boolean shared, int files, long bytes, List<LaunchUnit> units) {
}
