package se.digikomp.packager.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading a course, so one run reports all of them. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    /** An error: the course is not packaged. */
    public void add(Path file, int line, String message) {
        list.add(Problem.at(file, line, message));
    }

    /** A warning: reported by validate, the course is still packaged. */
    public void warn(Path file, int line, String message) {
        list.add(Problem.warning(file, line, message));
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(p -> !p.isWarning());
    }

    /** Every problem, errors and warnings, by file and line. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(null);
        return List.copyOf(copy);
    }

    public List<Problem> warnings() {
        return sorted().stream().filter(Problem::isWarning).toList();
    }

    /** Throws when an error was found (with the warnings too): a course with errors is never packaged. */
    public void throwIfAny() {
        if (hasErrors()) {
            throw new InvalidSourceException(sorted());
        }
    }
}
