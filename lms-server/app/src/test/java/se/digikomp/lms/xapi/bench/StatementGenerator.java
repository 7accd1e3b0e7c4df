package se.digikomp.lms.xapi.bench;

import java.util.Random;
import java.util.UUID;

/**
 * Realistic statements for the LRS benchmark, about 1.5 KB each: cmi5/SCORM-like verbs, 10,000 learners
 * (account IFI), 500 activities in 50 courses, a registration per learner and course, result and context.
 * Deterministic for a seed.
 */
final class StatementGenerator {

    static final int AGENTS = 10_000;
    static final int ACTIVITIES = 500;
    static final int COURSES = 50;
    static final String[] VERBS = {"http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/initialized",
        "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/passed",
        "http://adlnet.gov/expapi/verbs/failed", "http://adlnet.gov/expapi/verbs/terminated",
        "http://adlnet.gov/expapi/verbs/experienced", "http://adlnet.gov/expapi/verbs/answered"};

    private final Random random;

    StatementGenerator(long seed) {
        this.random = new Random(seed);
    }

    static String agentJson(int agent) {
        return "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://digikomp.example\",\"name\":\"learner-"
                + agent + "\"}}";
    }

    static String activityId(int activity) {
        return "https://digikomp.example/courses/c" + (activity % COURSES) + "/lessons/a" + activity;
    }

    static String courseId(int course) {
        return "https://digikomp.example/courses/c" + course;
    }

    /** The registration of a learner in a course (stable, so queries can pick existing ones). */
    static String registration(int agent, int course) {
        return new UUID(0x5eed000000000000L | agent, 0x8000000000000000L | course).toString();
    }

    int nextAgent() {
        return random.nextInt(AGENTS);
    }

    int nextActivity() {
        return random.nextInt(ACTIVITIES);
    }

    String next() {
        int agent = nextAgent();
        int activity = nextActivity();
        int course = activity % COURSES;
        String verb = VERBS[random.nextInt(VERBS.length)];
        double scaled = Math.round(random.nextDouble() * 100) / 100.0;
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"actor\":" + agentJson(agent).replace("{\"objectType\"",
                "{\"name\":\"Learner " + agent + "\",\"objectType\"")
                + ",\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"en-US\":\"" + verb.substring(verb.lastIndexOf('/') + 1)
                + "\",\"sv-SE\":\"" + verb.substring(verb.lastIndexOf('/') + 1) + "\"}}"
                + ",\"object\":{\"objectType\":\"Activity\",\"id\":\"" + activityId(activity) + "\",\"definition\":{"
                + "\"name\":{\"sv-SE\":\"Lektion " + activity + "\",\"en-US\":\"Lesson " + activity + "\"},"
                + "\"description\":{\"sv-SE\":\"En lektion i kursen om digital kompetens, del " + activity
                + ".\",\"en-US\":\"A lesson of the digital competence course, part " + activity + ".\"},"
                + "\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}}"
                + ",\"result\":{\"score\":{\"scaled\":" + scaled + ",\"raw\":" + (int) (scaled * 100)
                + ",\"min\":0,\"max\":100},\"success\":" + (scaled >= 0.8) + ",\"completion\":true,"
                + "\"duration\":\"PT" + random.nextInt(3600) + "S\"}"
                + ",\"context\":{\"registration\":\"" + registration(agent, course) + "\",\"contextActivities\":{"
                + "\"parent\":[{\"objectType\":\"Activity\",\"id\":\"" + courseId(course) + "\"}],"
                + "\"grouping\":[{\"objectType\":\"Activity\",\"id\":\"https://digikomp.example/programmes/digital\"}],"
                + "\"category\":[{\"objectType\":\"Activity\",\"id\":\"https://w3id.org/xapi/cmi5/context/categories/moveon\"}]},"
                + "\"platform\":\"Digikomp\",\"language\":\"sv-SE\",\"extensions\":{"
                + "\"https://w3id.org/xapi/cmi5/context/extensions/sessionid\":\"" + UUID.randomUUID() + "\","
                + "\"https://digikomp.example/extensions/unit\":\"unit-" + (agent % 40) + "\"}}"
                + ",\"timestamp\":\"2026-11-" + (10 + random.nextInt(15)) + "T" + (10 + random.nextInt(10)) + ":"
                + (10 + random.nextInt(50)) + ":00.000Z\"}";
    }
}
