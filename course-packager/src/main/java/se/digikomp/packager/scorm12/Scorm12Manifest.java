package se.digikomp.packager.scorm12;

import java.util.List;
import se.digikomp.packager.bundle.ManifestIds;
import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Page;
import se.digikomp.packager.bundle.Xml;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.Lesson;

/**
 * The SCORM 1.2 imsmanifest.xml (SCORM 1.2 Content Aggregation Model, IMS CP 1.1.2 + ADL CP extensions): one SCO
 * per unit, a shared asset resource, the mastery score on the graded unit, and AICC-script prerequisites when the
 * course is ordered.
 */
public final class Scorm12Manifest {
    private Scorm12Manifest() {
    }

    public static byte[] write(PackagePlan plan, List<String> sharedFiles) {
        Course course = plan.course();
        String lang = plan.launchLanguage();
        Xml x = new Xml();
        x.open("manifest", "identifier", ManifestIds.manifest(course), "version", course.version(),
                "xmlns", "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
                "xmlns:adlcp", "http://www.adlnet.org/xsd/adlcp_rootv1p2",
                "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation", "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
                        + "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                        + "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd");
        x.open("metadata").leaf("schema", "ADL SCORM").leaf("schemaversion", "1.2").close("metadata");
        x.open("organizations", "default", ManifestIds.ORGANIZATION);
        x.open("organization", "identifier", ManifestIds.ORGANIZATION);
        x.leaf("title", course.title().get(lang));
        String previous = null;
        for (Page unit : plan.units()) {
            String item = ManifestIds.item(unit);
            x.open("item", "identifier", item, "identifierref", ManifestIds.resource(unit), "isvisible", "true");
            x.leaf("title", title(plan, unit));
            if (previous != null && course.sequencing() == Course.Sequencing.ORDERED) {
                x.leaf("adlcp:prerequisites", previous, "type", "aicc_script");
            }
            if (unit.lessons().stream().anyMatch(Lesson::assessment)) {
                x.leaf("adlcp:masteryscore", String.valueOf(Math.round(course.masteryScore() * 100)));
            }
            x.close("item");
            previous = item;
        }
        x.close("organization").close("organizations");
        x.open("resources");
        for (Page unit : plan.units()) {
            x.open("resource", "identifier", ManifestIds.resource(unit), "type", "webcontent",
                    "adlcp:scormtype", "sco", "href", unit.path());
            x.leaf("file", null, "href", unit.path());
            x.leaf("dependency", null, "identifierref", ManifestIds.SHARED);
            x.close("resource");
        }
        x.open("resource", "identifier", ManifestIds.SHARED, "type", "webcontent", "adlcp:scormtype", "asset");
        for (String file : sharedFiles) {
            x.leaf("file", null, "href", file);
        }
        x.close("resource");
        x.close("resources").close("manifest");
        return x.bytes();
    }

    static String title(PackagePlan plan, Page unit) {
        return unit.singleLesson() ? unit.lessons().get(0).title() : plan.course().title().get(unit.language());
    }
}
