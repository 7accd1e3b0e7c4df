package se.digikomp.lms.org.control;

import java.util.List;

/** A people CSV with at least one problem: nothing was written. Answered 400 with every problem. */
public class ImportRejected extends RuntimeException {

    private final transient List<ImportProblem> problems;

    public ImportRejected(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the file; nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
