package se.digikomp.lms.course.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;
import se.digikomp.lms.course.entity.CourseManifest;
import se.digikomp.lms.course.entity.LaunchUnit;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.lms.course.entity.PackageRefusedException;

/**
 * tincan.xml, the xAPI package descriptor (Rustici's "Tin Can launch" convention): the course activity (type
 * {@code .../activities/course}, else the first activity with a launch) and its launch page per language.
 */
final class TincanXml {

    static final String NS = "http://projecttincan.com/tincan.xsd";
    private static final String FILE = ManifestReader.TINCAN;

    private TincanXml() {
    }

    static CourseManifest read(Element root, PackageContents contents) {
        if (!"tincan".equals(Dom.local(root)) || !NS.equals(root.getNamespaceURI())) {
            throw new PackageRefusedException(FILE, "is not a tincan.xml (root element " + Dom.local(root)
                    + " in namespace " + root.getNamespaceURI() + "; expected " + NS + ")");
        }
        List<Element> activities = Dom.child(root, "activities").map(a -> Dom.children(a, "activity"))
                .orElse(List.of());
        Optional<Element> course = activities.stream()
                .filter(a -> Dom.attribute(a, "type").orElse("").endsWith("/activities/course")
                        && !Dom.children(a, "launch").isEmpty()).findFirst()
                .or(() -> activities.stream().filter(a -> !Dom.children(a, "launch").isEmpty()).findFirst());
        Element activity = course.orElseThrow(() -> new PackageRefusedException(FILE,
                "names no activity with a launch page"));
        String id = Dom.attribute(activity, "id").orElseThrow(() -> new PackageRefusedException(FILE,
                "the course activity has no id"));
        Map<String, String> titles = byLanguage(activity, "name");
        Map<String, String> descriptions = byLanguage(activity, "description");
        List<LaunchUnit> units = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (Element launch : Dom.children(activity, "launch")) {
            String path = Dom.text(launch);
            ManifestReader.requireFile(contents, FILE, path, "activity " + id);
            String lang = Dom.attribute(launch, "lang").orElse("");
            if (!lang.isEmpty() && !languages.contains(lang)) {
                languages.add(lang);
            }
            units.add(LaunchUnit.of(id, titles.getOrDefault(lang, titles.values().stream().findFirst().orElse(id)),
                    path, "launch"));
        }
        descriptions.keySet().stream().filter(l -> !l.isEmpty() && !languages.contains(l)).forEach(languages::add);
        return new CourseManifest(PackageFormat.XAPI, null, id, null, titles.isEmpty() ? Map.of("", id) : titles,
                descriptions, List.copyOf(languages), null, List.of(), List.of(), List.copyOf(units));
    }

    private static Map<String, String> byLanguage(Element activity, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element e : Dom.children(activity, name)) {
            String text = Dom.text(e);
            if (!text.isEmpty()) {
                values.putIfAbsent(Dom.attribute(e, "lang").orElse(""), text);
            }
        }
        return values;
    }
}
