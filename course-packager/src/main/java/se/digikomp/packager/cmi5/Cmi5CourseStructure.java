package se.digikomp.packager.cmi5;

import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Page;
import se.digikomp.packager.bundle.Xml;
import se.digikomp.packager.source.Competence;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.DigComp;
import se.digikomp.packager.source.Lesson;

/**
 * The cmi5 course structure cmi5.xml (cmi5 spec section 13.1, CourseStructure.xsd): the course, its DigComp
 * competences as objectives, and one AU per unit. A lesson AU moves on when Completed; the graded AU when
 * CompletedAndPassed, with the course's masteryScore. Titles and descriptions carry every packaged language.
 */
public final class Cmi5CourseStructure {
    public static final String NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    private Cmi5CourseStructure() {
    }

    public static byte[] write(PackagePlan plan) {
        Course course = plan.course();
        Xml x = new Xml();
        x.open("courseStructure", "xmlns", NAMESPACE);
        x.open("course", "id", course.id());
        text(x, "title", plan, course.title()::get);
        text(x, "description", plan, course.description()::get);
        x.close("course");
        x.open("objectives");
        for (Competence competence : course.competences()) {
            x.open("objective", "id", competence.iri());
            text(x, "title", plan, lang -> "DigComp 2.2 " + competence.id() + " "
                    + DigComp.name(competence.id(), lang).orElse(""));
            text(x, "description", plan, lang -> (lang.startsWith("sv") ? "Målnivå " : "Target level ")
                    + competence.level());
            x.close("objective");
        }
        x.close("objectives");
        for (Page unit : plan.units()) {
            boolean graded = unit.lessons().stream().anyMatch(Lesson::assessment);
            String id = unit.singleLesson() ? course.lessonIri(unit.lessonId()) : course.id() + "/au";
            x.open("au", "id", id, "moveOn", graded ? "CompletedAndPassed" : "Completed",
                    "masteryScore", graded ? String.valueOf(course.masteryScore()) : null,
                    "launchMethod", "AnyWindow");
            if (unit.singleLesson()) {
                text(x, "title", plan, lang -> lesson(course, lang, unit.lessonId()).title());
                text(x, "description", plan, lang -> lesson(course, lang, unit.lessonId()).title() + " – "
                        + course.title().get(lang));
            } else {
                text(x, "title", plan, course.title()::get);
                text(x, "description", plan, course.description()::get);
            }
            x.open("objectives");
            for (Competence competence : course.competences()) {
                x.leaf("objective", null, "idref", competence.iri());
            }
            x.close("objectives");
            x.leaf("url", unit.path());
            x.close("au");
        }
        x.close("courseStructure");
        return x.bytes();
    }

    private static Lesson lesson(Course course, String lang, String id) {
        return course.lessons(lang).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static void text(Xml x, String element, PackagePlan plan, java.util.function.Function<String, String> f) {
        x.open(element);
        for (String lang : plan.languages()) {
            x.leaf("langstring", f.apply(lang), "lang", lang);
        }
        x.close(element);
    }
}
