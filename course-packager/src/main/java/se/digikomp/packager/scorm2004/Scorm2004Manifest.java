package se.digikomp.packager.scorm2004;

import java.util.List;
import se.digikomp.packager.bundle.ManifestIds;
import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Page;
import se.digikomp.packager.bundle.Xml;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.Lesson;

/**
 * The SCORM 2004 4th Edition imsmanifest.xml (CAM book; sequencing per the SN book, IMS SS 1.0).
 * <p>
 * With {@code sequencing: ordered} and one SCO per lesson, every lesson writes its satisfied status to a global
 * objective named by its lesson IRI, and each later lesson is disabled (precondition rule, SN 3.4) until the previous
 * one's objective is satisfied, so lessons are taken in order and the assessment last. The graded lesson is
 * satisfied by measure at the course's mastery score; other lessons carry no weight in the score rollup.
 */
public final class Scorm2004Manifest {
    private static final String PREVIOUS = "previous-lesson";

    private Scorm2004Manifest() {
    }

    public static byte[] write(PackagePlan plan, List<String> sharedFiles) {
        Course course = plan.course();
        String lang = plan.launchLanguage();
        boolean ordered = course.sequencing() == Course.Sequencing.ORDERED && plan.units().size() > 1;
        Xml x = new Xml();
        x.open("manifest", "identifier", ManifestIds.manifest(course), "version", course.version(),
                "xmlns", "http://www.imsglobal.org/xsd/imscp_v1p1",
                "xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_v1p3",
                "xmlns:adlseq", "http://www.adlnet.org/xsd/adlseq_v1p3",
                "xmlns:adlnav", "http://www.adlnet.org/xsd/adlnav_v1p3",
                "xmlns:imsss", "http://www.imsglobal.org/xsd/imsss",
                "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation", "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd "
                        + "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
                        + "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
                        + "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
                        + "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd");
        x.open("metadata").leaf("schema", "ADL SCORM").leaf("schemaversion", "2004 4th Edition").close("metadata");
        x.open("organizations", "default", ManifestIds.ORGANIZATION);
        x.open("organization", "identifier", ManifestIds.ORGANIZATION, "adlseq:objectivesGlobalToSystem", "false");
        x.leaf("title", course.title().get(lang));
        List<Page> units = plan.units();
        for (int i = 0; i < units.size(); i++) {
            Page unit = units.get(i);
            boolean graded = unit.lessons().stream().anyMatch(Lesson::assessment);
            x.open("item", "identifier", ManifestIds.item(unit), "identifierref", ManifestIds.resource(unit));
            x.leaf("title", unit.singleLesson() ? unit.lessons().get(0).title() : course.title().get(lang));
            x.open("imsss:sequencing");
            if (ordered && i > 0) {
                x.open("imsss:sequencingRules").open("imsss:preConditionRule")
                        .open("imsss:ruleConditions", "conditionCombination", "any")
                        .leaf("imsss:ruleCondition", null, "referencedObjective", PREVIOUS, "operator", "not",
                                "condition", "satisfied")
                        .leaf("imsss:ruleCondition", null, "referencedObjective", PREVIOUS, "operator", "not",
                                "condition", "objectiveStatusKnown")
                        .close("imsss:ruleConditions")
                        .leaf("imsss:ruleAction", null, "action", "disabled")
                        .close("imsss:preConditionRule").close("imsss:sequencingRules");
            }
            if (!graded && course.hasAssessment()) {
                x.leaf("imsss:rollupRules", null, "objectiveMeasureWeight", "0");
            }
            x.open("imsss:objectives");
            String objective = objectiveId(course, unit);
            if (graded) {
                x.open("imsss:primaryObjective", "objectiveID", objective, "satisfiedByMeasure", "true");
                x.leaf("imsss:minNormalizedMeasure", String.valueOf(course.masteryScore()));
            } else {
                x.open("imsss:primaryObjective", "objectiveID", objective);
            }
            if (ordered) {
                x.leaf("imsss:mapInfo", null, "targetObjectiveID", objective, "readSatisfiedStatus", "false",
                        "writeSatisfiedStatus", "true");
            }
            x.close("imsss:primaryObjective");
            if (ordered && i > 0) {
                x.open("imsss:objective", "objectiveID", PREVIOUS)
                        .leaf("imsss:mapInfo", null, "targetObjectiveID", objectiveId(course, units.get(i - 1)),
                                "readSatisfiedStatus", "true", "writeSatisfiedStatus", "false")
                        .close("imsss:objective");
            }
            x.close("imsss:objectives");
            x.leaf("imsss:deliveryControls", null, "completionSetByContent", "true", "objectiveSetByContent", "true");
            x.close("imsss:sequencing");
            x.close("item");
        }
        x.open("imsss:sequencing").leaf("imsss:controlMode", null, "choice", "true", "flow", "true")
                .close("imsss:sequencing");
        x.close("organization").close("organizations");
        x.open("resources");
        for (Page unit : units) {
            x.open("resource", "identifier", ManifestIds.resource(unit), "type", "webcontent",
                    "adlcp:scormType", "sco", "href", unit.path());
            x.leaf("file", null, "href", unit.path());
            x.leaf("dependency", null, "identifierref", ManifestIds.SHARED);
            x.close("resource");
        }
        x.open("resource", "identifier", ManifestIds.SHARED, "type", "webcontent", "adlcp:scormType", "asset");
        for (String file : sharedFiles) {
            x.leaf("file", null, "href", file);
        }
        x.close("resource");
        x.close("resources").close("manifest");
        return x.bytes();
    }

    /** The unit's objective: its lesson IRI (or the course IRI), stable across versions of the package. */
    static String objectiveId(Course course, Page unit) {
        return (unit.singleLesson() ? course.lessonIri(unit.lessonId()) : course.id()) + "#satisfied";
    }
}
