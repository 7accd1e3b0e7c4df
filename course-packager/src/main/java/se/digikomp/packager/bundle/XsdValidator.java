package se.digikomp.packager.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates an XML document against a set of XSDs in a folder (a jar folder for the product, the official sets in
 * ../shared/schemas for tests). For SCORM 1.2, {@code ims_xml.xsd} is resolved to the W3C {@code xml.xsd} and full
 * schema checking is off, because imsmd_rootv1p2p1.xsd is ambiguous (see shared/README.md).
 */
public final class XsdValidator {
    private final Schema schema;

    /** A problem in the validated document, with its line. */
    public record Violation(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private XsdValidator(Schema schema) {
        this.schema = schema;
    }

    /**
     * @param folders where the XSDs (and the DTDs they name) are looked up, in order; each ends with '/'
     * @param roots the XSDs that declare the document's namespaces, found in the first folder
     */
    public static XsdValidator of(List<URL> folders, List<String> roots, boolean fullChecking) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature("http://apache.org/xml/features/validation/schema-full-checking", fullChecking);
            factory.setResourceResolver(new FolderResolver(folders));
            List<Source> sources = new ArrayList<>();
            for (String root : roots) {
                URL url = new URL(folders.get(0), root);
                sources.add(new StreamSource(url.openStream(), url.toString()));
            }
            return new XsdValidator(factory.newSchema(sources.toArray(new Source[0])));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot load the XSDs from " + folders + ": " + e.getMessage(), e);
        }
    }

    /** SCORM 1.2 (IMS CP 1.1.2, ADL CP 1.2, IMS MD 1.2.1). */
    public static XsdValidator scorm12(List<URL> folders) {
        return of(folders, List.of("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd"), false);
    }

    /** SCORM 2004 4th Edition (IMS CP 1.1.4, ADL CP/Seq/Nav 1.3, IMS SS 1.0). */
    public static XsdValidator scorm2004(List<URL> folders) {
        return of(folders, List.of("imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd",
                "imsss_v1p0.xsd"), false);
    }

    /** cmi5 CourseStructure.xsd. */
    public static XsdValidator cmi5(List<URL> folders) {
        return of(folders, List.of("CourseStructure.xsd"), true);
    }

    public List<Violation> validate(byte[] xml) {
        List<Violation> violations = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                violations.add(new Violation(e.getLineNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) {
                violations.add(new Violation(e.getLineNumber(), e.getMessage()));
            }
        });
        try {
            SAXParserFactory spf = SAXParserFactory.newInstance();
            spf.setNamespaceAware(true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XMLReader reader = spf.newSAXParser().getXMLReader();
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXParseException e) {
            if (violations.isEmpty()) {
                violations.add(new Violation(e.getLineNumber(), e.getMessage()));
            }
        } catch (SAXException | IOException | ParserConfigurationException e) {
            violations.add(new Violation(1, e.getMessage()));
        }
        return violations;
    }

    /** Looks up every imported or included schema, and the DTDs of xml.xsd, by file name in the folders. */
    private static final class FolderResolver implements LSResourceResolver {
        private final List<URL> folders;

        FolderResolver(List<URL> folders) {
            this.folders = folders;
        }

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                String baseUri) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            boolean redirected = name.equals("ims_xml.xsd");
            if (redirected) {
                name = "xml.xsd";
            }
            String relative = systemId.contains("://") || redirected ? name : systemId;
            for (URL folder : folders) {
                for (String candidate : List.of(relative, name)) {
                    try {
                        URL url = baseUri != null && !redirected && !systemId.contains("://") && candidate.equals(relative)
                                ? new URL(new URL(baseUri), candidate) : new URL(folder, candidate);
                        byte[] bytes;
                        try (InputStream in = url.openStream()) {
                            bytes = in.readAllBytes();
                        }
                        return new Input(publicId, url.toString(), baseUri, bytes);
                    } catch (MalformedURLException e) {
                        // try the next candidate
                    } catch (IOException e) {
                        // not in this folder
                    }
                }
            }
            return null;
        }
    }

    private record Input(String publicId, String systemId, String baseURI, byte[] bytes) implements LSInput {
        public Reader getCharacterStream() {
            return null;
        }

        public void setCharacterStream(Reader r) {
        }

        public InputStream getByteStream() {
            return new ByteArrayInputStream(bytes);
        }

        public void setByteStream(InputStream i) {
        }

        public String getStringData() {
            return null;
        }

        public void setStringData(String s) {
        }

        public String getSystemId() {
            return systemId;
        }

        public void setSystemId(String s) {
        }

        public String getPublicId() {
            return publicId;
        }

        public void setPublicId(String s) {
        }

        public String getBaseURI() {
            return baseURI;
        }

        public void setBaseURI(String s) {
        }

        public String getEncoding() {
            return null;
        }

        public void setEncoding(String s) {
        }

        public boolean getCertifiedText() {
            return false;
        }

        public void setCertifiedText(boolean b) {
        }
    }
}
