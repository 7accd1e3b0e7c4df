package se.digikomp.lms.course.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import se.digikomp.lms.course.entity.CourseManifest;
import se.digikomp.lms.course.entity.LaunchUnit;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.lms.course.entity.PackageRefusedException;

/**
 * cmi5.xml, the course structure of cmi5 (quartz, section 13): the course, its objectives, and its AUs in
 * document order, each with the blocks that enclose it. A relative AU url must be a file of the package
 * (13.1.4 url: relative to the course structure); an absolute one is content served elsewhere.
 */
final class Cmi5CourseStructure {

    static final String NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    private static final String FILE = ManifestReader.CMI5;

    private Cmi5CourseStructure() {
    }

    static CourseManifest read(Element root, PackageContents contents) {
        if (!"courseStructure".equals(Dom.local(root)) || !NS.equals(root.getNamespaceURI())) {
            throw new PackageRefusedException(FILE, "is not a cmi5 course structure (root element " + Dom.local(root)
                    + " in namespace " + root.getNamespaceURI() + "; cmi5 1.0 uses " + NS + ")");
        }
        Element course = Dom.child(root, "course").orElseThrow(() -> new PackageRefusedException(FILE,
                "has no course element"));
        String id = Dom.attribute(course, "id").orElseThrow(() -> new PackageRefusedException(FILE,
                "the course has no id"));
        Map<String, String> titles = Dom.child(course, "title").map(Dom::langStrings).orElse(Map.of());
        Map<String, String> descriptions = Dom.child(course, "description").map(Dom::langStrings).orElse(Map.of());
        List<CourseManifest.Objective> objectives = new ArrayList<>();
        Dom.child(root, "objectives").ifPresent(o -> Dom.children(o, "objective").forEach(objective ->
                objectives.add(new CourseManifest.Objective(Dom.attribute(objective, "id").orElse(""),
                        Dom.child(objective, "title").map(Dom::langStrings).flatMap(t -> t.values().stream()
                                .findFirst()).orElse("")))));
        List<LaunchUnit> units = new ArrayList<>();
        walk(root, "", contents, units);
        if (units.isEmpty()) {
            throw new PackageRefusedException(FILE, "has no AU");
        }
        List<String> languages = new ArrayList<>(titles.keySet());
        languages.remove("");
        return new CourseManifest(PackageFormat.CMI5, "1.0", id, null, titles.isEmpty() ? Map.of("", id) : titles,
                descriptions, List.copyOf(languages), null, ManifestReader.digComp(objectives),
                List.copyOf(objectives), List.copyOf(units));
    }

    private static void walk(Element parent, String blocks, PackageContents contents, List<LaunchUnit> units) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            switch (Dom.local(e)) {
                case "block" -> walk(e, (blocks.isEmpty() ? "" : blocks + " ")
                        + Dom.attribute(e, "id").orElseThrow(() -> new PackageRefusedException(FILE,
                                "a block has no id")), contents, units);
                case "au" -> units.add(au(e, blocks, contents));
                default -> {
                    // course, objectives and extension elements: read elsewhere or not ours
                }
            }
        }
    }

    private static LaunchUnit au(Element au, String blocks, PackageContents contents) {
        String id = Dom.attribute(au, "id").orElseThrow(() -> new PackageRefusedException(FILE, "an AU has no id"));
        String url = Dom.text(au, "url").orElseThrow(() -> new PackageRefusedException(FILE, "AU " + id
                + " has no url"));
        if (!url.matches("(?i)^https?://.*")) {
            ManifestReader.requireFile(contents, FILE, url, "AU " + id);
        }
        Double mastery = null;
        if (Dom.attribute(au, "masteryScore").isPresent()) {
            try {
                mastery = Double.parseDouble(Dom.attribute(au, "masteryScore").get());
            } catch (NumberFormatException e) {
                throw new PackageRefusedException(FILE, "AU " + id + " has a masteryScore that is not a number");
            }
            if (mastery < 0 || mastery > 1) {
                throw new PackageRefusedException(FILE, "AU " + id + " has a masteryScore outside 0..1");
            }
        }
        String title = Dom.child(au, "title").map(Dom::langStrings).flatMap(t -> t.values().stream().findFirst())
                .orElse(id);
        return new LaunchUnit(id, title, url, "au", blocks.isEmpty() ? null : blocks,
                Dom.attribute(au, "moveOn").orElse("NotApplicable"), mastery,
                Dom.attribute(au, "launchMethod").orElse("AnyWindow"), Dom.text(au, "launchParameters").orElse(null));
    }
}
