package se.digikomp.packager.source;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** What rendering one lesson file needs to know and where it reports. */
final class LessonContext {
    final Path file;
    final String language;
    final String lessonId;
    final Glossary glossary;
    final SourceFiles files;
    final Problems problems;
    final Set<String> assets;
    final Map<String, String> lessonIdByFile;
    private int counter;

    LessonContext(Path file, String language, String lessonId, Glossary glossary, SourceFiles files,
            Problems problems, Set<String> assets, Map<String, String> lessonIdByFile) {
        this.file = file;
        this.language = language;
        this.lessonId = lessonId;
        this.glossary = glossary;
        this.files = files;
        this.problems = problems;
        this.assets = assets;
        this.lessonIdByFile = lessonIdByFile;
    }

    /** An id unique on the page (lesson id plus a counter). */
    String nextId(String prefix) {
        return prefix + "-" + lessonId + "-" + (++counter);
    }

    String ui(String key) {
        return UiText.get(language, key);
    }

    void problem(int line, String message) {
        problems.add(file, line, message);
    }

    void warning(int line, String message) {
        problems.warn(file, line, message);
    }
}
