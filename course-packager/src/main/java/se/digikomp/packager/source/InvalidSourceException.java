package se.digikomp.packager.source;

import java.util.List;

/** The course (or package) is invalid; carries every problem found, each as {@code file:line: message}. */
public final class InvalidSourceException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidSourceException(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "-" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
