package se.digikomp.packager.source;

import java.nio.file.Path;

/**
 * One thing wrong with a course source, located so an editor can jump to it: {@code file:line: message}. An error
 * stops the course from being packaged; a warning ({@code file:line: warning: message}) is reported by
 * {@code validate} and packaging goes on (docs/course-packager.md, "validate").
 */
public record Problem(Path file, int line, String message, Severity severity) implements Comparable<Problem> {

    public enum Severity { ERROR, WARNING }

    public static Problem at(Path file, int line, String message) {
        return new Problem(file, Math.max(line, 1), message, Severity.ERROR);
    }

    public static Problem warning(Path file, int line, String message) {
        return new Problem(file, Math.max(line, 1), message, Severity.WARNING);
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (isWarning() ? "warning: " : "") + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.toString().compareTo(o.file.toString());
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
