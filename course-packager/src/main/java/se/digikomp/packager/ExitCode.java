package se.digikomp.packager;

/** The exit codes of course-packager (documented in docs/course-packager.md). */
public final class ExitCode {
    /** Everything went well. */
    public static final int OK = 0;
    /** The course sources or the package are invalid; the problems were printed as file:line: message. */
    public static final int INVALID = 1;
    /** The command line was wrong (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** Something failed inside the packager or the machine (I/O error, bug). */
    public static final int INTERNAL = 3;
    /** publish: the server refused the package or could not be reached. */
    public static final int REJECTED = 4;

    private ExitCode() {
    }
}
