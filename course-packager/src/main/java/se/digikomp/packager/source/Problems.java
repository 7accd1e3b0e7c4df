package se.digikomp.packager.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading a course, so one run reports all of them. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Path file, int line, String message) {
        list.add(Problem.at(file, line, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** Throws when anything was found: a course with problems is never packaged. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidSourceException(sorted());
        }
    }
}
