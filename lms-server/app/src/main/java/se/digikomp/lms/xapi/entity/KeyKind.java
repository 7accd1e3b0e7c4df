package se.digikomp.lms.xapi.entity;

/**
 * What a row of xapi_statement_key indexes, i.e. which GET /statements filter it serves (xAPI 1.0.3 Communication
 * 2.1.3, 2.0 4.1.6.1). The related_* kinds are supersets of the direct ones.
 */
public enum KeyKind {
    /** verb.id */
    VERB(1),
    /** agent: the Agent or identified Group as actor or object */
    AGENT(2),
    /** related_agents: actor, object, authority, instructor, team, context agents, members, also in a SubStatement */
    RELATED_AGENT(3),
    /** activity: the Activity that is the object */
    ACTIVITY(4),
    /** related_activities: object, context activities, also in a SubStatement */
    RELATED_ACTIVITY(5),
    /** context.registration */
    REGISTRATION(6);

    private final int code;

    KeyKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
