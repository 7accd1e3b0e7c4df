package se.digikomp.lms.course.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import se.digikomp.lms.course.entity.CourseManifest;
import se.digikomp.lms.course.entity.LaunchUnit;
import se.digikomp.lms.course.entity.PackageFormat;
import se.digikomp.lms.course.entity.PackageRefusedException;

/**
 * imsmanifest.xml of SCORM 1.2 (CAM 1.2, IMS CP 1.1.2) and SCORM 2004 (CAM book 2nd/3rd/4th Edition, IMS CP 1.1.4):
 * the organization's items that reference a resource with an {@code href} are the launchable units, in tree
 * order (CAM 2004 3.4.1.2 and 3.4.1.18; resource {@code xml:base} applied). The edition is the manifest's
 * {@code metadata/schemaversion}; descriptions, language and typical learning time come from its LOM metadata.
 */
final class ScormManifest {

    static final String NS_12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    static final String NS_2004 = "http://www.imsglobal.org/xsd/imscp_v1p1";
    /** CAM 2004: "CAM 1.3" is the 2nd Edition's schemaversion. */
    private static final Set<String> EDITIONS_2004 = Set.of("CAM 1.3", "2004 3rd Edition", "2004 4th Edition");
    private static final String FILE = ManifestReader.SCORM;
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private ScormManifest() {
    }

    static CourseManifest read(Element root, PackageContents contents) {
        String ns = root.getNamespaceURI();
        if (!"manifest".equals(Dom.local(root)) || !(NS_12.equals(ns) || NS_2004.equals(ns))) {
            throw new PackageRefusedException(FILE, "is not a SCORM 1.2 or SCORM 2004 manifest (root element "
                    + Dom.local(root) + " in namespace " + ns + ")");
        }
        boolean v12 = NS_12.equals(ns);
        Optional<String> schemaVersion = Dom.path(root, "metadata", "schemaversion").map(Dom::text);
        String edition;
        if (v12) {
            if (schemaVersion.isPresent() && !schemaVersion.get().equals("1.2")) {
                throw new PackageRefusedException(FILE, "schemaversion '" + schemaVersion.get()
                        + "' is not supported in the SCORM 1.2 namespace (1.2)");
            }
            edition = "1.2";
        } else {
            if (schemaVersion.isEmpty() || !EDITIONS_2004.contains(schemaVersion.get())) {
                throw new PackageRefusedException(FILE, "SCORM 2004 schemaversion '" + schemaVersion.orElse("")
                        + "' is not supported (CAM 1.3, 2004 3rd Edition, 2004 4th Edition)");
            }
            edition = schemaVersion.get();
        }
        String identifier = Dom.attribute(root, "identifier").orElseThrow(() -> new PackageRefusedException(FILE,
                "the manifest has no identifier"));
        Element organization = organization(root);
        String courseTitle = Dom.text(organization, "title").orElse(identifier);

        Map<String, Element> resources = new HashMap<>();
        String resourcesBase = Dom.child(root, "resources").flatMap(r -> base(r)).orElse("");
        Dom.child(root, "resources").ifPresent(r -> Dom.children(r, "resource").forEach(resource ->
                Dom.attribute(resource, "identifier").ifPresent(id -> resources.put(id, resource))));
        List<LaunchUnit> units = new ArrayList<>();
        items(organization, resources, resourcesBase, v12, contents, units);
        if (units.isEmpty()) {
            throw new PackageRefusedException(FILE, "no item of the organization launches a resource with an href");
        }

        Optional<Element> lom = Dom.path(root, "metadata", "lom");
        Map<String, String> descriptions = lom.flatMap(l -> Dom.path(l, "general", "description"))
                .map(Dom::langStrings).orElse(Map.of());
        Optional<String> language = lom.flatMap(l -> Dom.path(l, "general", "language")).map(Dom::text);
        String duration = lom.flatMap(l -> Dom.path(l, "educational", "typicalLearningTime"))
                .flatMap(t -> Dom.text(t, "duration").or(() -> Dom.text(t, "datetime"))).orElse(null);
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(language.orElse(""), courseTitle);
        return new CourseManifest(v12 ? PackageFormat.SCORM12 : PackageFormat.SCORM2004, edition, identifier,
                Dom.attribute(root, "version").orElse(null), titles, descriptions,
                language.map(List::of).orElse(List.of()), duration, List.of(), List.of(), List.copyOf(units));
    }

    private static Element organization(Element root) {
        Element organizations = Dom.child(root, "organizations").orElseThrow(() -> new PackageRefusedException(FILE,
                "has no organizations element"));
        List<Element> all = Dom.children(organizations, "organization");
        if (all.isEmpty()) {
            throw new PackageRefusedException(FILE, "has no organization to launch");
        }
        Optional<String> preferred = Dom.attribute(organizations, "default");
        return all.stream().filter(o -> preferred.equals(Dom.attribute(o, "identifier"))).findFirst()
                .orElse(all.get(0));
    }

    private static void items(Element parent, Map<String, Element> resources, String resourcesBase, boolean v12,
                              PackageContents contents, List<LaunchUnit> units) {
        for (Element item : Dom.children(parent, "item")) {
            Optional<String> ref = Dom.attribute(item, "identifierref");
            String id = Dom.attribute(item, "identifier").orElse("item-" + units.size());
            if (ref.isPresent()) {
                Element resource = resources.get(ref.get());
                if (resource == null) {
                    throw new PackageRefusedException(FILE, "item " + id + " references resource " + ref.get()
                            + ", which the manifest does not define");
                }
                Optional<String> href = Dom.attribute(resource, "href");
                if (href.isPresent()) {
                    String launch = resourcesBase + base(resource).orElse("") + href.get();
                    ManifestReader.requireFile(contents, FILE, launch, "item " + id);
                    String kind = Dom.attribute(resource, v12 ? "scormtype" : "scormType").orElse("asset")
                            .toLowerCase(java.util.Locale.ROOT);
                    String parameters = v12 ? Dom.text(item, "datafromlms").orElse(null)
                            : Dom.attribute(item, "parameters").orElse(null);
                    Double mastery = v12 ? Dom.text(item, "masteryscore").flatMap(ScormManifest::number)
                            .map(s -> s / 100).orElse(null) : null;
                    units.add(new LaunchUnit(id, Dom.text(item, "title").orElse(id), launch, kind, null, null,
                            mastery, null, parameters));
                }
            }
            items(item, resources, resourcesBase, v12, contents, units);
        }
    }

    private static Optional<String> base(Element e) {
        String base = e.getAttributeNS(XML_NS, "base");
        return base == null || base.isBlank() ? Optional.empty() : Optional.of(base.strip());
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
