package se.digikomp.packager.source;

import java.util.List;

/** One lesson in one language: its title, its body rendered to HTML, and the questions in it. */
public record Lesson(String id, String file, boolean assessment, String title, String html, List<Question> questions) {
}
