package se.digikomp.lms.org.control;

/**
 * A change the organisation's rules refuse (a cycle, a taken code or employee number, an unknown reference):
 * answered 400 or 409 with the reason. An object outside the caller's organisation is not a refusal but
 * "not found" (404), so nothing tells whether it exists elsewhere.
 */
public class OrgRefusal extends RuntimeException {

    public enum Kind {
        NOT_FOUND, INVALID, CONFLICT
    }

    private final Kind kind;

    public OrgRefusal(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static OrgRefusal notFound(String reason) {
        return new OrgRefusal(Kind.NOT_FOUND, reason);
    }

    public static OrgRefusal invalid(String reason) {
        return new OrgRefusal(Kind.INVALID, reason);
    }

    public static OrgRefusal conflict(String reason) {
        return new OrgRefusal(Kind.CONFLICT, reason);
    }
}
