package se.digikomp.packager.xapi;

import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Page;
import se.digikomp.packager.bundle.Xml;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.Lesson;
import se.digikomp.packager.source.Question;

/**
 * The xAPI package descriptor tincan.xml: the course activity with a launch page per language, and the lesson and
 * question activities with their types. No endpoint or credential: the LMS passes them at launch.
 */
public final class TincanXml {
    public static final String COURSE = "http://adlnet.gov/expapi/activities/course";
    public static final String MODULE = "http://adlnet.gov/expapi/activities/module";
    public static final String ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";
    public static final String INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";

    private TincanXml() {
    }

    public static byte[] write(PackagePlan plan) {
        Course course = plan.course();
        Xml x = new Xml();
        x.open("tincan", "xmlns", "http://projecttincan.com/tincan.xsd");
        x.open("activities");
        x.open("activity", "id", course.id(), "type", COURSE);
        for (String lang : plan.languages()) {
            x.leaf("name", course.title().get(lang), "lang", lang);
        }
        for (String lang : plan.languages()) {
            x.leaf("description", course.description().get(lang), "lang", lang);
        }
        for (Page page : plan.pages()) {
            x.leaf("launch", page.path(), "lang", page.language());
        }
        x.close("activity");
        String lang = plan.launchLanguage();
        for (Lesson lesson : course.lessons(lang)) {
            x.open("activity", "id", course.lessonIri(lesson.id()), "type", lesson.assessment() ? ASSESSMENT : MODULE);
            for (String l : plan.languages()) {
                course.lessons(l).stream().filter(o -> o.id().equals(lesson.id())).findFirst()
                        .ifPresent(o -> x.leaf("name", o.title(), "lang", l));
            }
            x.close("activity");
            for (Question q : lesson.questions()) {
                x.open("activity", "id", course.questionIri(lesson.id(), q.id()), "type", INTERACTION);
                x.leaf("name", q.titleText(), "lang", lang);
                x.leaf("interactionType", interactionType(q.type()));
                x.close("activity");
            }
        }
        x.close("activities").close("tincan");
        return x.bytes();
    }

    /** The xAPI interaction type of a question type (xAPI 1.0.3, Interaction Activities). */
    public static String interactionType(Question.Type type) {
        return switch (type) {
            case SINGLE, MULTIPLE -> "choice";
            case TRUEFALSE -> "true-false";
            case TEXT -> "fill-in";
            case ORDER -> "sequencing";
            case MATCH -> "matching";
        };
    }
}
