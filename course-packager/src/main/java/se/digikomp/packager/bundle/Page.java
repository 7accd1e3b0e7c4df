package se.digikomp.packager.bundle;

import java.util.List;
import se.digikomp.packager.source.Lesson;

/**
 * One player page in a package: its path ({@code sv/phishing.html} or {@code sv/index.html}), its language, and
 * the lessons it shows. {@code lessonId} is set when the page is the unit of a single lesson.
 */
public record Page(String path, String language, List<Lesson> lessons, String lessonId) {

    public boolean singleLesson() {
        return lessonId != null;
    }

    public String fileName() {
        return path.substring(path.indexOf('/') + 1);
    }
}
