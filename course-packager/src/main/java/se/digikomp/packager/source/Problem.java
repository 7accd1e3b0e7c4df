package se.digikomp.packager.source;

import java.nio.file.Path;

/** One thing wrong with a course source, located so an editor can jump to it: {@code file:line: message}. */
public record Problem(Path file, int line, String message) implements Comparable<Problem> {

    public static Problem at(Path file, int line, String message) {
        return new Problem(file, Math.max(line, 1), message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.toString().compareTo(o.file.toString());
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
