package se.digikomp.packager.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One lesson in one language: its title, its body rendered to HTML, the questions in it, and the date its claims were
 * last checked (front matter {@code reviewed:}), when it has one.
 */
public record Lesson(String id, String file, boolean assessment, String title, String html, List<Question> questions,
        Optional<LocalDate> reviewed) {
}
