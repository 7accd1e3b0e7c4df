package se.digikomp.packager.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import se.digikomp.packager.cmi5.Cmi5CourseStructure;
import se.digikomp.packager.source.Problems;

/**
 * Checks a built package: its manifest against the official XSDs it should carry (SCORM 1.2, SCORM 2004 4th Ed.),
 * and its structure: control documents at the root, every file and launch page the manifest names present, no path
 * escaping the package. cmi5.xml is checked against the rules of CourseStructure.xsd and the cmi5 spec section 13.1
 * (no registry package ships that XSD; the tests also validate against the official copy).
 */
public final class PackageValidator {
    private static final String SCORM12_NS = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    private static final String SCORM2004_NS = "http://www.imsglobal.org/xsd/imscp_v1p1";
    private static final Set<String> MOVE_ON = Set.of("NotApplicable", "Passed", "Completed", "CompletedAndPassed",
            "CompletedOrPassed");

    private final Path zip;
    private final Problems problems;
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private PackageValidator(Path zip, Problems problems) {
        this.zip = zip;
        this.problems = problems;
    }

    /** Reports every problem of the package; returns the format found, or null when none was recognised. */
    public static Format validate(Path zip, Problems problems) {
        return new PackageValidator(zip, problems).run();
    }

    private Format run() {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            var list = file.entries();
            while (list.hasMoreElements()) {
                ZipEntry entry = list.nextElement();
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("\\") || List.of(name.split("/")).contains("..")) {
                    problems.add(zip, 1, "entry escapes the package: " + name);
                    continue;
                }
                if (!entry.isDirectory()) {
                    entries.put(name, file.getInputStream(entry).readAllBytes());
                }
            }
        } catch (ZipException e) {
            problems.add(zip, 1, "not a zip file: " + e.getMessage());
            return null;
        } catch (IOException e) {
            problems.add(zip, 1, "cannot read the package: " + e.getClass().getSimpleName());
            return null;
        }
        if (entries.containsKey("imsmanifest.xml")) {
            return scorm();
        }
        if (entries.containsKey("cmi5.xml")) {
            cmi5();
            return Format.CMI5;
        }
        if (entries.containsKey("tincan.xml")) {
            tincan();
            return Format.XAPI;
        }
        if (entries.containsKey("index.html") && entries.containsKey(PlayerPages.PLAYER_DIR + "player.js")) {
            web();
            return Format.WEB;
        }
        problems.add(zip, 1, "no imsmanifest.xml, cmi5.xml, tincan.xml or web index.html at the package root");
        return null;
    }

    private Path at(String entry) {
        return Path.of(zip + "!/" + entry);
    }

    private Format scorm() {
        byte[] manifest = entries.get("imsmanifest.xml");
        Document doc = parse("imsmanifest.xml", manifest);
        if (doc == null) {
            return null;
        }
        String ns = doc.getDocumentElement().getNamespaceURI();
        Format format;
        if (SCORM12_NS.equals(ns)) {
            format = Format.SCORM12;
        } else if (SCORM2004_NS.equals(ns)) {
            format = Format.SCORM2004;
        } else {
            problems.add(at("imsmanifest.xml"), 1, "manifest namespace is neither SCORM 1.2 (" + SCORM12_NS
                    + ") nor SCORM 2004 (" + SCORM2004_NS + "): " + ns);
            return null;
        }
        for (String name : ControlDocuments.names(format)) {
            if (name.endsWith(".xsd") && !entries.containsKey(name)) {
                problems.add(zip, 1, "control document missing at the package root: " + name);
            }
        }
        List<URL> folders = format == Format.SCORM12
                ? List.of(ControlDocuments.url(Format.SCORM12, "imscp_rootv1p1p2.xsd"),
                        ControlDocuments.url(Format.SCORM2004, "xml.xsd"))
                : List.of(ControlDocuments.url(Format.SCORM2004, "imscp_v1p1.xsd"));
        List<URL> bases = folders.stream().map(PackageValidator::folderOf).toList();
        XsdValidator validator = format == Format.SCORM12 ? XsdValidator.scorm12(bases) : XsdValidator.scorm2004(bases);
        for (XsdValidator.Violation v : validator.validate(manifest)) {
            problems.add(at("imsmanifest.xml"), v.line(), "not valid against the " + (format == Format.SCORM12
                    ? "SCORM 1.2" : "SCORM 2004 4th Edition") + " XSDs: " + v.message());
        }
        Set<String> resources = new HashSet<>();
        NodeList list = doc.getElementsByTagNameNS(ns, "resource");
        for (int i = 0; i < list.getLength(); i++) {
            Element resource = (Element) list.item(i);
            resources.add(resource.getAttribute("identifier"));
            String href = resource.getAttribute("href");
            if (!href.isEmpty()) {
                requireEntry(href, "resource " + resource.getAttribute("identifier"));
            }
        }
        NodeList files = doc.getElementsByTagNameNS(ns, "file");
        for (int i = 0; i < files.getLength(); i++) {
            requireEntry(((Element) files.item(i)).getAttribute("href"), "file");
        }
        NodeList items = doc.getElementsByTagNameNS(ns, "item");
        for (int i = 0; i < items.getLength(); i++) {
            String ref = ((Element) items.item(i)).getAttribute("identifierref");
            if (!ref.isEmpty() && !resources.contains(ref)) {
                problems.add(at("imsmanifest.xml"), 1, "item refers to a missing resource: " + ref);
            }
        }
        if (items.getLength() == 0) {
            problems.add(at("imsmanifest.xml"), 1, "the organization has no items");
        }
        return format;
    }

    private static URL folderOf(URL file) {
        try {
            String s = file.toString();
            return new URL(s.substring(0, s.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void requireEntry(String href, String what) {
        String path = href.replaceAll("[?#].*$", "");
        if (path.contains("://")) {
            problems.add(zip, 1, what + " points outside the package: " + href);
        } else if (!entries.containsKey(path)) {
            problems.add(zip, 1, what + " names a file the package does not contain: " + href);
        }
    }

    private void cmi5() {
        Document doc = parse("cmi5.xml", entries.get("cmi5.xml"));
        if (doc == null) {
            return;
        }
        Element root = doc.getDocumentElement();
        Path file = at("cmi5.xml");
        if (!Cmi5CourseStructure.NAMESPACE.equals(root.getNamespaceURI()) || !"courseStructure".equals(
                root.getLocalName())) {
            problems.add(file, 1, "root must be courseStructure in namespace " + Cmi5CourseStructure.NAMESPACE);
            return;
        }
        Set<String> ids = new HashSet<>();
        NodeList courses = root.getElementsByTagNameNS(Cmi5CourseStructure.NAMESPACE, "course");
        if (courses.getLength() != 1) {
            problems.add(file, 1, "exactly one course element is required");
        } else {
            checkIri(file, ((Element) courses.item(0)).getAttribute("id"), "course id", ids);
            requireText(file, (Element) courses.item(0));
        }
        NodeList aus = root.getElementsByTagNameNS(Cmi5CourseStructure.NAMESPACE, "au");
        if (aus.getLength() == 0) {
            problems.add(file, 1, "at least one au is required");
        }
        for (int i = 0; i < aus.getLength(); i++) {
            Element au = (Element) aus.item(i);
            checkIri(file, au.getAttribute("id"), "au id", ids);
            requireText(file, au);
            String moveOn = au.getAttribute("moveOn");
            if (!moveOn.isEmpty() && !MOVE_ON.contains(moveOn)) {
                problems.add(file, 1, "au moveOn is not one of " + MOVE_ON + ": " + moveOn);
            }
            String mastery = au.getAttribute("masteryScore");
            if (!mastery.isEmpty()) {
                try {
                    double m = Double.parseDouble(mastery);
                    if (m < 0 || m > 1) {
                        problems.add(file, 1, "au masteryScore must be 0..1: " + mastery);
                    }
                } catch (NumberFormatException e) {
                    problems.add(file, 1, "au masteryScore is not a decimal: " + mastery);
                }
            }
            NodeList urls = au.getElementsByTagNameNS(Cmi5CourseStructure.NAMESPACE, "url");
            if (urls.getLength() != 1 || urls.item(0).getTextContent().isBlank()) {
                problems.add(file, 1, "au " + au.getAttribute("id") + " needs exactly one non-empty url");
            } else if (!urls.item(0).getTextContent().contains("://")) {
                requireEntry(urls.item(0).getTextContent().strip(), "au url");
            }
        }
    }

    /** A web package: a start page whose links to language pages all resolve. */
    private void web() {
        String index = new String(entries.get("index.html"), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"([^\"#?]+)").matcher(index);
        while (m.find()) {
            requireEntry(m.group(1), "index.html link");
        }
    }

    private void requireText(Path file, Element parent) {
        for (String name : List.of("title", "description")) {
            NodeList list = parent.getElementsByTagNameNS(Cmi5CourseStructure.NAMESPACE, name);
            if (list.getLength() == 0 || ((Element) list.item(0)).getElementsByTagNameNS(
                    Cmi5CourseStructure.NAMESPACE, "langstring").getLength() == 0) {
                problems.add(file, 1, parent.getLocalName() + " needs a " + name + " with at least one langstring");
            }
        }
    }

    private void checkIri(Path file, String id, String what, Set<String> seen) {
        try {
            if (id.isEmpty() || !new URI(id).isAbsolute()) {
                problems.add(file, 1, what + " must be an absolute IRI: " + id);
            }
        } catch (URISyntaxException e) {
            problems.add(file, 1, what + " is not an IRI: " + id);
        }
        if (!seen.add(id)) {
            problems.add(file, 1, "id used twice: " + id);
        }
    }

    private void tincan() {
        Document doc = parse("tincan.xml", entries.get("tincan.xml"));
        if (doc == null) {
            return;
        }
        NodeList launches = doc.getElementsByTagNameNS("*", "launch");
        if (launches.getLength() == 0) {
            problems.add(at("tincan.xml"), 1, "no launch element: an xAPI package names its launch page");
        }
        for (int i = 0; i < launches.getLength(); i++) {
            requireEntry(launches.item(i).getTextContent().strip(), "launch");
        }
        NodeList activities = doc.getElementsByTagNameNS("*", "activity");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < activities.getLength(); i++) {
            checkIri(at("tincan.xml"), ((Element) activities.item(i)).getAttribute("id"), "activity id", ids);
        }
    }

    private Document parse(String name, byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (org.xml.sax.SAXParseException e) {
            problems.add(at(name), e.getLineNumber(), "not well-formed XML: " + e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            problems.add(at(name), 1, "not well-formed XML: " + e.getMessage());
        }
        return null;
    }
}
