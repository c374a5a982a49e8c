package org.backdrop.dataset.voc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.backdrop.dataset.BoundingBox;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses VOC annotation files safely. A file that declares a DOCTYPE is rejected before anything
 * it declares is resolved, and external entities, external DTDs and XInclude are switched off as
 * well, so parsing never reads another file or opens a connection.
 *
 * <p>Not thread-safe: each thread or read uses its own instance.
 */
public final class VocXml {

    private static final Set<String> OBJECT_FIELDS = Set.of("name", "bndbox", "difficult", "truncated");

    private final DocumentBuilder builder;
    private final ErrorHandler errorHandler = new RethrowingErrorHandler();

    /** Creates a parser with DOCTYPEs and external entities disabled. */
    public VocXml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            builder = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support disabling DOCTYPEs: " + e.getMessage(), e);
        }
    }

    /**
     * Parses one annotation file.
     *
     * @throws InvalidAnnotationException if the file is not well-formed XML, declares a DOCTYPE, is
     *     not an {@code <annotation>}, or has an object without a valid name or box; the message
     *     names the fault and, for an object, its 1-based position
     * @throws IOException if the file cannot be read
     */
    public VocAnnotationFile parse(Path file) throws IOException {
        Document document;
        builder.setErrorHandler(errorHandler);
        try (InputStream input = Files.newInputStream(file)) {
            document = builder.parse(input);
        } catch (SAXParseException e) {
            throw new InvalidAnnotationException(describeParseError(e), e);
        } catch (SAXException e) {
            throw new InvalidAnnotationException("is not well-formed XML: " + e.getMessage(), e);
        } finally {
            builder.reset();
        }
        return toAnnotationFile(document.getDocumentElement());
    }

    private static VocAnnotationFile toAnnotationFile(Element root) throws InvalidAnnotationException {
        if (!root.getTagName().equals("annotation")) {
            throw new InvalidAnnotationException("has root element <" + root.getTagName() + ">, not <annotation>; it is not a VOC annotation");
        }
        Element size = child(root, "size");
        int width = size == null ? 0 : sizeValue(size, "width");
        int height = size == null ? 0 : sizeValue(size, "height");
        List<VocObject> objects = new ArrayList<>();
        for (Element object : children(root, "object")) {
            objects.add(toObject(object, objects.size() + 1));
        }
        return new VocAnnotationFile(text(root, "filename"), width, height, flag(root, "segmented", ""), objects);
    }

    private static VocObject toObject(Element object, int number) throws InvalidAnnotationException {
        String name = text(object, "name");
        if (name.isEmpty()) {
            throw new InvalidAnnotationException("object " + number + " has no <name>; add the class name");
        }
        Element box = child(object, "bndbox");
        if (box == null) {
            throw new InvalidAnnotationException("object " + number + " (" + name + ") has no <bndbox>; every VOC object needs a box");
        }
        BoundingBox boundingBox;
        try {
            boundingBox = BoundingBox.fromVoc(
                    VocNumbers.parse(text(box, "xmin")), VocNumbers.parse(text(box, "ymin")),
                    VocNumbers.parse(text(box, "xmax")), VocNumbers.parse(text(box, "ymax")));
        } catch (NumberFormatException e) {
            throw new InvalidAnnotationException("object " + number + " (" + name + ") has a <bndbox> corner that is not a number: "
                    + e.getMessage(), e);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        collectAttributes(object, "", attributes, true);
        String where = "object " + number + " (" + name + ") ";
        return new VocObject(name, boundingBox, flag(object, "difficult", where), flag(object, "truncated", where), attributes);
    }

    /** Adds every leaf element below {@code element} as {@code path -> text}, numbering repeated siblings. */
    private static void collectAttributes(Element element, String prefix, Map<String, String> attributes, boolean isObject) {
        List<Element> elements = children(element, null);
        Map<String, Integer> counts = new HashMap<>();
        for (Element child : elements) {
            counts.merge(child.getTagName(), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Element child : elements) {
            String tag = child.getTagName();
            if (isObject && OBJECT_FIELDS.contains(tag)) {
                continue;
            }
            int index = seen.merge(tag, 1, Integer::sum) - 1;
            String key = prefix + tag + (counts.get(tag) > 1 ? "[" + index + "]" : "");
            if (children(child, null).isEmpty()) {
                attributes.put(key, child.getTextContent().strip());
            } else {
                collectAttributes(child, key + ".", attributes, false);
            }
        }
    }

    private static int sizeValue(Element size, String name) throws InvalidAnnotationException {
        String value = text(size, name);
        if (value.isEmpty()) {
            return 0;
        }
        try {
            double parsed = VocNumbers.parse(value);
            if (parsed < 0 || parsed != Math.rint(parsed) || parsed > Integer.MAX_VALUE) {
                throw new NumberFormatException("'" + value + "' is not a whole number of pixels");
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new InvalidAnnotationException("<size><" + name + "> is invalid: " + e.getMessage(), e);
        }
    }

    /** Reads a 0/1 flag; a missing or empty element is false. */
    private static boolean flag(Element parent, String name, String where) throws InvalidAnnotationException {
        String value = text(parent, name);
        if (value.isEmpty()) {
            return false;
        }
        try {
            return VocNumbers.parse(value) != 0;
        } catch (NumberFormatException e) {
            throw new InvalidAnnotationException(where + "<" + name + "> is '" + value + "', not 0 or 1", e);
        }
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? "" : child.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> matches = children(parent, name);
        return matches.isEmpty() ? null : matches.get(0);
    }

    /** Returns the child elements named {@code name}, or all child elements when it is null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static String describeParseError(SAXParseException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE")) {
            return "declares a DOCTYPE, which VOC annotations never need; files with a DOCTYPE are rejected so that no"
                    + " entity or DTD it names is read. Remove the DOCTYPE line";
        }
        return "is not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + message;
    }

    /** Turns parser warnings and errors into exceptions instead of printing them to standard error. */
    private static final class RethrowingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }

    /** Thrown for an annotation file that cannot be used; the message starts with what is wrong with it. */
    public static final class InvalidAnnotationException extends IOException {
        public InvalidAnnotationException(String message) {
            super(message);
        }

        public InvalidAnnotationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
