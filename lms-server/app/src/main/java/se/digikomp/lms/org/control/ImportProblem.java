package se.digikomp.lms.org.control;

/**
 * One reason a people CSV is refused: the row as Excel numbers it (the header is row 1; a quoted line break
 * stays within its row), the column's header as written in the file (null when the problem is the whole row or
 * file), and the reason. Never contains a name or an e-mail address from the file, only employee numbers and
 * unit codes, so it can be shown and stored safely.
 */
public record ImportProblem(long row, String column, String reason) {

    /** {@code row:column: reason}, or {@code row: reason} for a problem of the whole row. */
    public String text() {
        return column == null ? row + ": " + reason : row + ":" + column + ": " + reason;
    }
}
