package se.digikomp.lms.course.entity;

/**
 * A package the server will not import, with the file of the package the reason is about (the zip itself is
 * {@code "(package)"}). Answered 422 (413 when {@link #tooLarge}) as problem+json with a {@code file} member.
 */
public class PackageRefusedException extends RuntimeException {

    public static final String PACKAGE = "(package)";

    private final String file;
    private final boolean tooLarge;

    public PackageRefusedException(String file, String reason) {
        this(file, reason, false);
    }

    public PackageRefusedException(String file, String reason, boolean tooLarge) {
        super(file + ": " + reason);
        this.file = file;
        this.tooLarge = tooLarge;
    }

    public String file() {
        return file;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
