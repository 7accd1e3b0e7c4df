package se.digikomp.lms.xapi.entity;

/** The three document resources (xAPI 1.0.3 Communication 2.2-2.7, 2.0 4.1.6.2/5/6). */
public enum DocumentKind {
    STATE(1, "stateId"),
    ACTIVITY_PROFILE(2, "profileId"),
    AGENT_PROFILE(3, "profileId");

    private final int code;
    private final String idParameter;

    DocumentKind(int code, String idParameter) {
        this.code = code;
        this.idParameter = idParameter;
    }

    public int code() {
        return code;
    }

    /** The query parameter that names one document. */
    public String idParameter() {
        return idParameter;
    }
}
