package se.digikomp.lms.launcher;

/** A reason the server cannot start, told to the operator in one line, with the process exit code. */
final class StartupFailure extends Exception {

    /** Exit codes of {@code java -jar lms-server.jar}. */
    static final int USAGE = 2;
    static final int DATABASE_UNREACHABLE = 3;
    static final int FAILED = 1;

    private final int exitCode;

    StartupFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
